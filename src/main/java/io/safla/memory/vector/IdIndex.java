package io.safla.memory.vector;

import java.util.Arrays;

/**
 * Open-addressing map from string id to row, storing only an {@code int[]} (about 8 bytes per item at the
 * 0.5 maximum load) instead of a HashMap node plus a boxed Integer (about 50 bytes). Keys are not stored: a
 * slot holds a row and the key is {@code ids[row]}. Linear probing with backward-shift deletion, so there are
 * no tombstones. Not thread-safe; the store guards it.
 */
final class IdIndex {

    private static final int EMPTY = -1;
    private int[] table;
    private int mask;

    IdIndex(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        table = new int[cap];
        Arrays.fill(table, EMPTY);
        mask = cap - 1;
    }

    /** Returns the row of {@code id}, or -1. */
    int find(String id, String[] ids) {
        int i = home(id);
        while (true) {
            int row = table[i];
            if (row == EMPTY) {
                return -1;
            }
            if (ids[row].equals(id)) {
                return row;
            }
            i = (i + 1) & mask;
        }
    }

    /** Adds {@code id -> row}; the id must be absent and {@code ids[row]} must already be {@code id}. */
    void insert(String id, int row, int sizeAfter, String[] ids) {
        if (sizeAfter * 2 > table.length) {
            rehash(table.length * 2, sizeAfter - 1, ids);
        }
        place(id, row);
    }

    /** Points {@code id} (currently at {@code oldRow}) to {@code newRow}. */
    void move(String id, int oldRow, int newRow) {
        int i = home(id);
        while (table[i] != oldRow) {
            i = (i + 1) & mask;
        }
        table[i] = newRow;
    }

    /** Removes {@code id}, which must be present at {@code row}; {@code ids} must still hold every live key. */
    void remove(String id, int row, String[] ids) {
        int hole = home(id);
        while (table[hole] != row) {
            hole = (hole + 1) & mask;
        }
        table[hole] = EMPTY;
        // Shift later members of the probe run back so that lookups never stop early at the new hole.
        int j = hole;
        while (true) {
            j = (j + 1) & mask;
            int r = table[j];
            if (r == EMPTY) {
                return;
            }
            int h = home(ids[r]);
            boolean stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
            if (!stays) {
                table[hole] = r;
                table[j] = EMPTY;
                hole = j;
            }
        }
    }

    void clear() {
        Arrays.fill(table, EMPTY);
    }

    long bytes() {
        return 16L + 4L * table.length;
    }

    private void rehash(int newCapacity, int liveRows, String[] ids) {
        table = new int[newCapacity];
        Arrays.fill(table, EMPTY);
        mask = newCapacity - 1;
        for (int r = 0; r < liveRows; r++) {
            place(ids[r], r);
        }
    }

    private void place(String id, int row) {
        int i = home(id);
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = row;
    }

    private int home(String id) {
        int h = id.hashCode() * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }
}
