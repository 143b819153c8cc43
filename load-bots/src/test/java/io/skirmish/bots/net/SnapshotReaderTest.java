package io.skirmish.bots.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.skirmish.bots.behaviour.Ship;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotReaderTest {

    @Test
    void readsWhatBotsUseAndSkipsTheRest() {
        String json = "{\"tick\":1234,\"time\":1764288000000,\"phase\":\"playing\",\"round\":2,\"phaseEndsAt\":null,"
                + "\"players\":[{\"id\":1,\"x\":412.5,\"y\":300.25,\"vx\":120.4,\"vy\":0,\"a\":1.571,\"hp\":80,"
                + "\"seq\":5521,\"st\":0,\"sc\":3,\"k\":3,\"d\":1,\"c\":1},"
                + "{\"id\":2,\"x\":1,\"y\":2,\"vx\":0,\"vy\":0,\"a\":0,\"hp\":0,\"seq\":0,\"st\":2,\"r\":40,\"sc\":0,\"k\":0,\"d\":1,\"c\":0}],"
                + "\"shots\":[[17,500.12,300.5,720,0,1]]}";
        Messages.Snapshot s = SnapshotReader.read(json);
        assertEquals(1234, s.tick());
        assertEquals(1764288000000L, s.time());
        assertEquals(List.of(new Ship(1, 412.5, 300.25, 1.571, 5521, 0), new Ship(2, 1, 2, 0, 0, Ship.DEAD)), s.players());
    }

    @Test
    void readsWhoIsItInTag() {
        String tag = "{\"tick\":9,\"time\":5,\"it\":2,\"players\":[{\"id\":1,\"x\":10,\"y\":20,\"t\":0.5,\"seq\":4,\"c\":1},"
                + "{\"id\":2,\"x\":30,\"y\":40,\"t\":3.1,\"seq\":7,\"c\":1}]}";
        assertEquals(2, SnapshotReader.read(tag).it());
        assertEquals(0, SnapshotReader.read("{\"tick\":1,\"time\":1,\"it\":null,\"players\":[]}").it(), "nobody is it yet");
        assertEquals(0, SnapshotReader.read("{\"tick\":1,\"time\":1,\"players\":[]}").it(), "the arena has no it");
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        assertThrows(IllegalArgumentException.class, () -> SnapshotReader.read("{\"tick\":"));
        assertThrows(IllegalStateException.class, () -> SnapshotReader.read("{\"players\":{}}"));
    }
}
