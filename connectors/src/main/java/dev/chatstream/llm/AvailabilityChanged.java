package dev.chatstream.llm;

/**
 * A fallback member became available or unavailable ({@code llm_availability_changed}).
 *
 * @param llm the member's label
 * @param available its new availability
 * @param timestamp seconds since the epoch
 */
public record AvailabilityChanged(String llm, boolean available, double timestamp) {}
