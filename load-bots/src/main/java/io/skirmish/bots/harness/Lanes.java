package io.skirmish.bots.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bots' own event threads: a few single-thread executors, each bot bound to one. A bot's
 * events are thus handled in order and never concurrently, without locks, off the socket.io
 * client's shared event thread.
 */
final class Lanes implements AutoCloseable {
    private final List<ExecutorService> lanes = new ArrayList<>();

    Lanes(int count) {
        for (int i = 0; i < count; i++) {
            lanes.add(Executors.newSingleThreadExecutor(Threads.daemon("bots-lane-" + i)));
        }
    }

    ExecutorService forBot(int index) {
        return lanes.get(index % lanes.size());
    }

    List<ExecutorService> all() {
        return lanes;
    }

    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        lanes.forEach(Threads::awaitTermination);
    }
}
