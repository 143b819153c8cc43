package io.skirmish.room;

/** What {@code GET /api/rooms} lists about a public room. */
public record RoomSummary(String id, int players, int capacity, String phase, String game, String map,
                          int spectators) {}
