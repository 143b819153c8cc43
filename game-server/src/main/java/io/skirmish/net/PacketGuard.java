package io.skirmish.net;

import io.netty.buffer.ByteBuf;
import io.skirmish.loop.Ticker;
import io.skirmish.transport.InboundGuard;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees every inbound Engine.IO payload (WebSocket frame or polling body) before the transport
 * decodes it, and applies the per-session {@link EventBudget}: so floods of anything, including
 * junk and event names no listener handles (which the transport drops silently), are limited and
 * counted. Pings and pongs pass free. The transport's {@link InboundGuard}.
 */
final class PacketGuard implements InboundGuard {

    /** What the guard reports; called on Netty I/O threads. */
    interface Listener {
        void limited(UUID session, EventBudget.Verdict verdict);

        void unknownEvent(UUID session);
    }

    private static final int MAX_NAME = 64;

    private final Ticker ticker;
    private final EventBudget.Limits limits;
    private final Set<String> knownEvents;
    private final Listener listener;
    private final ConcurrentHashMap<UUID, EventBudget> budgets = new ConcurrentHashMap<>();

    PacketGuard(Ticker ticker, EventBudget.Limits limits, Set<String> knownEvents, Listener listener) {
        this.ticker = ticker;
        this.limits = limits;
        this.knownEvents = knownEvents;
        this.listener = listener;
    }

    /** A session's budget, or null before its first message (or after a flood disconnected it). */
    EventBudget budget(UUID session) {
        return budgets.get(session);
    }

    /** Forgets a session's budget; call on disconnect. */
    void forget(UUID session) {
        budgets.remove(session);
    }

    @Override
    public boolean admit(Inbound in) {
        ByteBuf content = in.content();
        int messages = countMessages(content);
        if (messages == 0) {
            return true;
        }
        UUID id = in.session();
        EventBudget.Verdict v = budgets.computeIfAbsent(id, k -> new EventBudget(ticker, limits)).take(messages);
        if (v != EventBudget.Verdict.ALLOW) {
            listener.limited(id, v);
            if (v == EventBudget.Verdict.DISCONNECT) {
                budgets.remove(id);
                in.cut();
            }
            return false;
        }
        String name = eventName(content);
        if (name != null && !knownEvents.contains(name)) {
            listener.unknownEvent(id);
        }
        return true;
    }

    /** Engine.IO packets in the payload that are not pings or pongs (polling joins packets with 0x1e). */
    static int countMessages(ByteBuf buf) {
        int n = 0;
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        boolean atPacketStart = true;
        for (int i = start; i < end; i++) {
            byte b = buf.getByte(i);
            if (atPacketStart) {
                if (b != '2' && b != '3') n++;
                atPacketStart = false;
            }
            if (b == 0x1e) atPacketStart = true;
        }
        return n;
    }

    /** The event name of a {@code 42[...]} packet (any namespace, any ack id), or null. */
    static String eventName(ByteBuf buf) {
        int i = buf.readerIndex();
        int end = Math.min(buf.writerIndex(), i + 256);
        if (end - i < 4 || buf.getByte(i) != '4' || buf.getByte(i + 1) != '2') return null;
        i += 2;
        if (i < end && buf.getByte(i) == '/') {
            while (i < end && buf.getByte(i) != ',') i++;
            i++;
        }
        while (i < end && Character.isDigit(buf.getByte(i))) i++;
        if (i + 1 >= end || buf.getByte(i) != '[' || buf.getByte(i + 1) != '"') return null;
        int from = i + 2;
        int to = from;
        while (to < end && to - from <= MAX_NAME && buf.getByte(to) != '"' && buf.getByte(to) != '\\') to++;
        if (to >= end || buf.getByte(to) != '"') return "";
        return buf.toString(from, to - from, StandardCharsets.UTF_8);
    }
}
