package io.skirmish.bots.processes;

import io.skirmish.bots.config.Durations;
import io.skirmish.bots.config.LoadConfig;
import io.skirmish.bots.config.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A {@link LoadConfig} as the command line that makes it again, for a child process. */
public final class ChildArgs {
    private ChildArgs() {}

    public static List<String> of(LoadConfig c) {
        Thresholds t = c.thresholds();
        List<String> a = new ArrayList<>(List.of(
                "--url", c.url().toString(),
                "--bots", String.valueOf(c.bots()),
                "--spectators", String.valueOf(c.spectators()),
                "--ramp", c.ramp().toString(),
                "--duration", Durations.format(c.duration()),
                "--warmup", Durations.format(c.warmup()),
                "--room", c.room().toString(),
                "--behaviour", c.behaviour(),
                "--seed", String.valueOf(c.seed()),
                "--max-p99-age-ms", String.format(Locale.ROOT, "%s", t.maxP99AgeMs()),
                "--max-p99-input-ms", String.format(Locale.ROOT, "%s", t.maxP99InputMs()),
                "--min-snapshot-rate", t.minSnapshotRate().toString(),
                "--max-errors", String.valueOf(t.maxErrors()),
                "--shard", c.shard().toString()));
        if (c.game() != null) {
            a.add("--game");
            a.add(c.game());
        }
        if (c.password() != null) {
            a.add("--password");
            a.add(c.password());
        }
        return a;
    }
}
