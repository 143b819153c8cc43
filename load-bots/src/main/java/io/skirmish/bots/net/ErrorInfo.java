package io.skirmish.bots.net;

/** {@code {code, message}}: the error of a refused request, and the payload of {@code server:error}. */
public record ErrorInfo(String code, String message) {}
