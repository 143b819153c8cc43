package io.skirmish.room;

/** A successful join: the ack to send and the membership to keep. */
public record JoinResult(RawJson ack, Membership membership) {}
