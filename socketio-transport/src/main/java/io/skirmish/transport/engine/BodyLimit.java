package io.skirmish.transport.engine;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;

/**
 * Aggregates HTTP requests up to {@code maxPayload}. A bigger body is answered 413 (by Netty) and, as
 * any message over {@code maxPayload}, ends the session it was sent to.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final Engine engine;

    BodyLimit(Engine engine, int maxPayload) {
        super(maxPayload);
        this.engine = engine;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest req) {
            List<String> sid = new QueryStringDecoder(req.uri()).parameters().get("sid");
            EngineSession s = sid == null || sid.isEmpty() ? null : engine.find(sid.get(0));
            if (s != null) {
                s.close(CloseReason.PROTOCOL_ERROR);
            }
        }
        super.handleOversizedMessage(ctx, oversized);
    }
}
