package io.skirmish.bots;

import io.skirmish.bots.config.Durations;
import io.skirmish.bots.config.Ramp;
import io.skirmish.bots.config.RoomTarget;
import io.skirmish.bots.config.Shard;
import io.skirmish.bots.config.SnapshotRateFloor;
import java.time.Duration;
import picocli.CommandLine;

/** The load-bots.jar entry point. Exit code: 0 pass, 1 fail, 2 usage error. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Exit explicitly: the socket.io client leaves non-daemon threads behind.
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new LoadBotsCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(Ramp.class, Ramp::parse)
                .registerConverter(Duration.class, Durations::parse)
                .registerConverter(RoomTarget.class, RoomTarget::parse)
                .registerConverter(SnapshotRateFloor.class, SnapshotRateFloor::parse)
                .registerConverter(Shard.class, Shard::parse);
    }
}
