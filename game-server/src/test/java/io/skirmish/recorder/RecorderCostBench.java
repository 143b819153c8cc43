package io.skirmish.recorder;

import io.skirmish.arena.ArenaGame;
import io.skirmish.room.RoomConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark, not a test: what the flight recorder adds to a room's tick. One arena room of eight
 * bots (one seeded random input each per tick) on a manual clock, ticked 1,800 times per round, five
 * rounds, with and without the recorder; prints the game thread's CPU time per tick (CPU time, so that
 * a busy machine preempting the thread does not count). Run: {@code bench/recorder-cost.sh}.
 */
public final class RecorderCostBench {
    private RecorderCostBench() {}

    static double cpuMicrosPerTick(boolean record, int bots, int rounds) throws Exception {
        Recorders rec = record ? new Recorders(RecorderConfig.defaults().withDir(null)) : null;
        ManualRooms r = new ManualRooms(RoomConfig.defaults(), ArenaGame.factory(), rec);
        List<ManualRooms.Bot> list = new ArrayList<>();
        for (int i = 0; i < bots; i++) list.add(r.new Bot(i).join("bot" + i));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long cpu = 0;
            for (int t = 0; t < 1800; t++) {
                list.forEach(ManualRooms.Bot::input);
                long c0 = mx.getCurrentThreadCpuTime();
                r.tick();
                cpu += mx.getCurrentThreadCpuTime() - c0;
            }
            best = Math.min(best, cpu / 1e3 / 1800);
        }
        if (rec != null) {
            System.out.printf("  ring after %d s of play: %d bytes%n", rounds * 60, rec.bytes());
        }
        return best;
    }

    public static void main(String[] args) throws Exception {
        int bots = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        for (int k = 0; k < 3; k++) {
            double off = cpuMicrosPerTick(false, bots, 5);
            double on = cpuMicrosPerTick(true, bots, 5);
            System.out.printf("room of %d bots, best minute of five: %.1f us CPU per tick without the recorder, "
                    + "%.1f us with it (+%.1f us, %.0f%%)%n", bots, off, on, on - off, 100 * (on - off) / off);
        }
    }
}
