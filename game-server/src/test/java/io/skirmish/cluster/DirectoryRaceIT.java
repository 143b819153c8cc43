package io.skirmish.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.skirmish.cluster.DirectoryEntries.RoomEntry;
import io.skirmish.testkit.RedisProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes' directories on one real Redis racing for the same code and the same last seat: one winner each time. */
class DirectoryRaceIT {
    static RedisProcess redis;
    static RedisLink linkA;
    static RedisLink linkB;
    static RedisDirectory a;
    static RedisDirectory b;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.started();
        linkA = link();
        linkB = link();
        a = new RedisDirectory(linkA, ClusterConfig.of(redis.uri(), "http://a", "a"));
        b = new RedisDirectory(linkB, ClusterConfig.of(redis.uri(), "http://b", "b"));
    }

    private static RedisLink link() throws Exception {
        RedisLink l = new RedisLink(redis.uri(), new ClusterMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
        l.ensureConnected().get(5, TimeUnit.SECONDS);
        return l;
    }

    @AfterAll
    static void stop() throws Exception {
        linkA.close();
        linkB.close();
        redis.close();
    }

    @Test
    void sameCodeClaimedByTwoNodesAtOnceHasOneWinner() throws Exception {
        List<CompletableFuture<Boolean>> fa = new ArrayList<>();
        List<CompletableFuture<Boolean>> fb = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String code = String.format("C%04d", i);
            fa.add(a.claimCode(code));
            fb.add(b.claimCode(code));
        }
        for (int i = 0; i < 200; i++) {
            boolean wa = fa.get(i).get(5, TimeUnit.SECONDS);
            boolean wb = fb.get(i).get(5, TimeUnit.SECONDS);
            assertEquals(1, (wa ? 1 : 0) + (wb ? 1 : 0), "code " + i);
        }
        // a holder keeps its code; the other still cannot take it
        assertEquals(true, a.claimCode("KEEPS").get(5, TimeUnit.SECONDS));
        assertEquals(true, a.claimCode("KEEPS").get(5, TimeUnit.SECONDS));
        assertEquals(false, b.claimCode("KEEPS").get(5, TimeUnit.SECONDS));
    }

    @Test
    void lastSeatReservedByTwoNodesAtOnceHasOneWinner() throws Exception {
        for (int i = 0; i < 100; i++) {
            String room = "race" + i;
            // a room on node "c" with one free seat
            a.publish(new RoomEntry(room, "c", "", "playing", 7, 0, 8, true, false, "arena")).get(5, TimeUnit.SECONDS);
            CompletableFuture<RedisDirectory.Reserve> ra = a.reserveSeat(room, "tokenA-" + i + "-xxxxxxxxxxxx", "join");
            CompletableFuture<RedisDirectory.Reserve> rb = b.reserveSeat(room, "tokenB-" + i + "-xxxxxxxxxxxx", "join");
            List<RedisDirectory.Reserve> got = List.of(ra.get(5, TimeUnit.SECONDS), rb.get(5, TimeUnit.SECONDS));
            assertEquals(1, got.stream().filter(r -> r == RedisDirectory.Reserve.OK).count(), got.toString());
            assertEquals(1, got.stream().filter(r -> r == RedisDirectory.Reserve.FULL).count(), got.toString());
        }
    }

    @Test
    void aReservationIsUsedOnceOnlyOnItsNodeAndNotAfterItsRoomEnded() throws Exception {
        a.publish(new RoomEntry("once", "a", "", "playing", 0, 0, 8, true, false, "arena")).get(5, TimeUnit.SECONDS);
        String t1 = "single-use-token-1234";
        assertEquals(RedisDirectory.Reserve.OK, b.reserveSeat("once", t1, "join").get(5, TimeUnit.SECONDS));
        assertEquals(true, b.consume(t1).get(5, TimeUnit.SECONDS).isEmpty(), "not for node b");
        String t2 = "single-use-token-5678";
        assertEquals(RedisDirectory.Reserve.OK, b.reserveSeat("once", t2, "join").get(5, TimeUnit.SECONDS));
        assertEquals("once", a.consume(t2).get(5, TimeUnit.SECONDS).orElseThrow().roomId());
        assertEquals(true, a.consume(t2).get(5, TimeUnit.SECONDS).isEmpty(), "used once");
        String t3 = "single-use-token-9abc";
        assertEquals(RedisDirectory.Reserve.OK, b.reserveSeat("once", t3, "join").get(5, TimeUnit.SECONDS));
        a.unpublish("once", "").get(5, TimeUnit.SECONDS);
        assertEquals(true, a.consume(t3).get(5, TimeUnit.SECONDS).isEmpty(), "room ended");
        assertEquals(RedisDirectory.Reserve.GONE, b.reserveSeat("once", "single-use-token-def0", "join")
                .get(5, TimeUnit.SECONDS));
    }
}
