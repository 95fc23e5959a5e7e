package dev.chatstream.bench;

/**
 * One result set against its target.
 *
 * @param phase the phase (and guarantee) it belongs to
 * @param measure what was measured
 * @param value the result, as printed
 * @param target the target, as printed
 * @param met whether the result meets the target
 */
public record Check(String phase, String measure, String value, String target, boolean met) {}
