package io.safla.memory.vector;

/**
 * Bounded min-heap that keeps the {@code k} best (score, row) pairs seen so far. "Better" means a higher score,
 * and on equal scores the smaller id, so results do not depend on row order (which deletes reshuffle).
 * Not thread-safe: each scanning thread fills its own heap and the heaps are merged.
 */
final class TopK {

    private final int k;
    private final String[] ids;
    private final float[] scores;
    private final int[] rows;
    private int size;

    TopK(int k, String[] ids) {
        this.k = k;
        this.ids = ids;
        this.scores = new float[k];
        this.rows = new int[k];
    }

    int size() {
        return size;
    }

    /** The lowest score that {@link #offer} can still accept: the worst kept score once full, else -infinity. */
    float floor() {
        return size < k ? Float.NEGATIVE_INFINITY : scores[0];
    }

    /** Offers a candidate; cheap rejection first, since almost every row of a large scan loses. */
    void offer(float score, int row) {
        if (size < k) {
            scores[size] = score;
            rows[size] = row;
            siftUp(size++);
        } else if (score >= scores[0] && better(score, row, scores[0], rows[0])) {
            scores[0] = score;
            rows[0] = row;
            siftDown(0);
        }
    }

    void addAll(TopK other) {
        for (int i = 0; i < other.size; i++) {
            offer(other.scores[i], other.rows[i]);
        }
    }

    /** Empties the heap; returns the rows best first, with their scores written to {@code scoresOut}. */
    int[] drainBestFirst(float[] scoresOut) {
        int n = size;
        int[] out = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = rows[0];
            scoresOut[i] = scores[0];
            size--;
            if (size > 0) {
                scores[0] = scores[size];
                rows[0] = rows[size];
                siftDown(0);
            }
        }
        return out;
    }

    private boolean better(float s1, int r1, float s2, int r2) {
        if (s1 != s2) {
            return s1 > s2;
        }
        return ids[r1].compareTo(ids[r2]) < 0;
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!better(scores[parent], rows[parent], scores[i], rows[i])) {
                break;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            int right = left + 1;
            if (right < size && better(scores[left], rows[left], scores[right], rows[right])) {
                worst = right;
            }
            if (!better(scores[i], rows[i], scores[worst], rows[worst])) {
                return;
            }
            swap(i, worst);
            i = worst;
        }
    }

    private void swap(int a, int b) {
        float s = scores[a];
        scores[a] = scores[b];
        scores[b] = s;
        int r = rows[a];
        rows[a] = rows[b];
        rows[b] = r;
    }
}
