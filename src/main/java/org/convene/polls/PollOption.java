package org.convene.polls;

/** One answer people may choose, with how many chose it (0 before anyone answers). */
public record PollOption(int position, String label, int count) {
}
