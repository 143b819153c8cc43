package io.skirmish;

import io.skirmish.game.GameType;
import io.skirmish.server.BuiltInGames;
import io.skirmish.game.GameFactory;
import io.skirmish.recorder.Recording;
import io.skirmish.recorder.ReplayServer;
import io.skirmish.recorder.ReplayTimeline;
import io.skirmish.recorder.Replayer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar game-server.jar replay FILE [--serve [--host H] [--port P]]}: re-simulates a
 * room's flight recording, checks every recorded state hash and prints the first tick where they
 * differ; exits 0 when all match (and a recorded failure happens again the same way), 1 otherwise.
 * With {@code --serve}, also serves a viewer of the replay.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Replay a room's flight recording (.skrec.gz): verify every state hash; "
                + "exit 0 when all match, 1 at the first mismatch.")
final class ReplayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "A recording, as written by the server or downloaded from /admin.")
    Path file;

    @Option(names = "--serve", description = "Also serve a viewer of the replay in the browser (play, pause, speed, scrub, step).")
    boolean serve;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "With --serve: address to bind.")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "With --serve: port to bind; 0 picks a free port (printed).")
    int port;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        Recording rec = Recording.read(file);
        out.printf("recording of room %s (game %s, %d Hz), written %s because: %s; ticks %s..%s, %d records%n",
                str(rec, "room"), rec.game(), rec.tickRate(), str(rec, "writtenAt"), str(rec, "reason"),
                str(rec, "firstTick"), str(rec, "lastTick"), rec.records().size());
        ReplayTimeline timeline = new ReplayTimeline(rec, ReplayCommand::factory);
        Replayer.Result r = timeline.result();
        out.printf("replayed %d ticks (%d..%d), %d state hashes checked%n", r.ticks(), r.firstTick(), r.lastTick(),
                r.hashesChecked());
        switch (r.outcome()) {
            case MATCH -> out.println("OK: " + r.detail());
            case FAILURE_REPRODUCED -> out.println("OK (failure reproduced): " + r.detail());
            case FAILURE_REACHED -> out.println("OK (failure reached): " + r.detail());
            case MISMATCH -> out.println("MISMATCH: first differing tick " + r.mismatchTick() + ": " + r.detail());
            case UNREPLAYABLE -> out.println("UNREPLAYABLE: " + r.detail());
        }
        if (serve) {
            try (ReplayServer server = new ReplayServer(timeline, host, port).start()) {
                out.printf("replay viewer on http://%s:%d/ (Ctrl-C to stop)%n", host.equals("0.0.0.0") ? "localhost" : host,
                        server.port());
                out.flush();
                Main.awaitTermination(() -> { });
            }
        }
        return r.ok() ? 0 : 1;
    }

    private static String str(Recording rec, String key) {
        return rec.header().has(key) ? rec.header().get(key).getAsString() : "?";
    }

    /** The games this server can replay, by the id recordings carry. */
    static GameFactory factory(String game) {
        GameType t = BuiltInGames.catalog().get(game);
        return t == null ? null : t.factory();
    }
}
