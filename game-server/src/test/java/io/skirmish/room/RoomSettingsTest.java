package io.skirmish.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.skirmish.arena.ArenaGame;
import io.skirmish.game.GameCatalog;
import io.skirmish.protocol.ErrorCode;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.protocol.Request.SettingsPatch;
import io.skirmish.tag.TagGame;
import org.junit.jupiter.api.Test;

/** A room's settings patched field by field, the game's map defaulted, the password hashed or removed. */
class RoomSettingsTest {
    private static final GameCatalog GAMES = GameCatalog.of(ArenaGame.TYPE, TagGame.TYPE);
    private final RoomSettings base = new RoomSettings(8, 180, "arena", "pillars", true, null);

    @Test
    void anEmptyPatchChangesNothing() {
        assertEquals(base, base.with(SettingsPatch.NONE, "arena"));
        assertEquals(base, base.apply(SettingsPatch.NONE, GAMES));
    }

    @Test
    void eachFieldOfAPatchReplacesOnlyItsSetting() {
        assertEquals(new RoomSettings(4, 180, "arena", "pillars", true, null),
                base.with(new SettingsPatch(4, null, null, null, null), "arena"));
        assertEquals(new RoomSettings(8, 60, "arena", "pillars", true, null),
                base.with(new SettingsPatch(null, 60, null, null, null), "arena"));
        assertEquals(new RoomSettings(8, 180, "arena", "arena", true, null),
                base.with(new SettingsPatch(null, null, "arena", null, null), "x"));
        assertEquals(new RoomSettings(8, 180, "arena", "pillars", false, null),
                base.with(new SettingsPatch(null, null, null, false, null), "arena"));
    }

    @Test
    void anotherGameWithoutAMapGetsItsDefaultMapTheSameGameKeepsItsMap() {
        RoomSettings tag = base.apply(new SettingsPatch(null, null, null, null, null, "tag"), GAMES);
        assertEquals("tag", tag.game());
        assertEquals("yard", tag.map(), "the new game's default map");
        assertEquals("pillars", base.apply(new SettingsPatch(null, null, null, null, null, "arena"), GAMES).map(),
                "naming the same game keeps the map");
        assertEquals("court", base.apply(new SettingsPatch(null, null, "court", null, null, "tag"), GAMES).map());
    }

    @Test
    void anUnknownGameOrAMapTheGameDoesNotHaveIsRefused() {
        ProtocolException game = assertThrows(ProtocolException.class,
                () -> base.apply(new SettingsPatch(null, null, null, null, null, "chess"), GAMES));
        assertEquals(ErrorCode.BAD_REQUEST, game.code());
        assertEquals("unknown game; known: arena, tag", game.getMessage());
        ProtocolException map = assertThrows(ProtocolException.class,
                () -> base.apply(new SettingsPatch(null, null, "yard", null, null), GAMES));
        assertEquals(ErrorCode.BAD_REQUEST, map.code());
        assertEquals("unknown map for arena; known: arena, pillars", map.getMessage());
    }

    @Test
    void aPasswordIsHashedKeptOrRemoved() {
        assertFalse(base.hasPassword());
        RoomSettings locked = base.with(new SettingsPatch(null, null, null, null, "s3cret"), "arena");
        assertTrue(locked.hasPassword());
        assertTrue(Passwords.matches(locked.password(), "s3cret"));
        assertFalse(Passwords.matches(locked.password(), "other"));
        assertSame(locked.password(), locked.with(new SettingsPatch(6, null, null, null, null), "arena").password(),
                "a patch without a password keeps it");
        assertNull(locked.apply(new SettingsPatch(null, null, null, null, ""), GAMES).password(), "\"\" removes it");
        Passwords.Hash pre = Passwords.hash("pre");
        assertSame(pre, base.apply(new SettingsPatch(null, null, null, null, "pre"), GAMES, pre).password(),
                "a hash made off the game thread is used as is");
        assertNull(RoomSettings.hashOf(SettingsPatch.NONE));
        assertNull(RoomSettings.hashOf(new SettingsPatch(null, null, null, null, "")));
        assertTrue(Passwords.matches(RoomSettings.hashOf(new SettingsPatch(null, null, null, null, "x")), "x"));
    }
}
