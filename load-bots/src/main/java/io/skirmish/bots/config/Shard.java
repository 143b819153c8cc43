package io.skirmish.bots.config;

/**
 * Which share of a run's bots this process drives: shard {@code index} of {@code count} (1-based,
 * as {@code --shard 2/3} writes it) takes every bot whose run-wide index {@code i} has
 * {@code i % count == index - 1}. Each bot keeps its run-wide index (its name, its seed, its
 * place in the ramp), so the shards together play exactly the run one process would.
 */
public record Shard(int index, int count) {
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("--shard is i/N with 1 <= i <= N, e.g. 2/3");
        }
    }

    /** Whether the bot with run-wide index {@code i} is this shard's. */
    public boolean owns(int i) {
        return i % count == index - 1;
    }

    /** How many of the run-wide indices {@code from} (inclusive) to {@code to} (exclusive) are this shard's. */
    public int share(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += owns(i) ? 1 : 0;
        }
        return n;
    }

    public boolean whole() {
        return count == 1;
    }

    /** {@code 2/3}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalArgumentException("not a shard: '" + text + "' (i/N, e.g. 2/3)");
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
