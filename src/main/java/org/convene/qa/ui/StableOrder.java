package org.convene.qa.ui;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which items of a list can stay where they are when it is reordered: the longest run of items, in the new order,
 * whose old positions still rise. Every other item is moved. A moved item leaves the page's DOM and comes back,
 * which costs the server work and bytes for every open page and disturbs a screen reader, so a question that
 * climbs two places moves alone instead of dragging the two it passed along with it. Pure, so it is tested alone.
 */
final class StableOrder {

    private StableOrder() {
    }

    /**
     * @param before the keys in their current order
     * @param after  the keys in the wanted order (new keys allowed; keys of {@code before} missing from it leave)
     * @return the keys present in both that keep their place; the others move (or arrive)
     */
    static Set<Long> staying(List<Long> before, List<Long> after) {
        Map<Long, Integer> oldIndex = new HashMap<>(before.size() * 2);
        for (int i = 0; i < before.size(); i++) {
            oldIndex.put(before.get(i), i);
        }
        // the old positions of the kept keys, in the new order
        long[] keys = new long[after.size()];
        int[] positions = new int[after.size()];
        int n = 0;
        for (Long key : after) {
            Integer was = oldIndex.get(key);
            if (was != null) {
                keys[n] = key;
                positions[n++] = was;
            }
        }
        return longestRising(keys, positions, n);
    }

    /** Patience sorting: O(n log n), with links back to rebuild one longest rising run. */
    private static Set<Long> longestRising(long[] keys, int[] positions, int n) {
        int[] tailAt = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (positions[tailAt[mid]] < positions[i]) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            previous[i] = low > 0 ? tailAt[low - 1] : -1;
            tailAt[low] = i;
            if (low == length) {
                length++;
            }
        }
        Set<Long> staying = new HashSet<>(length * 2);
        for (int i = length > 0 ? tailAt[length - 1] : -1; i >= 0; i = previous[i]) {
            staying.add(keys[i]);
        }
        return staying;
    }

    /** For tests: the same with arrays, in words. */
    static Set<Long> staying(long[] before, long[] after) {
        return staying(Arrays.stream(before).boxed().toList(), Arrays.stream(after).boxed().toList());
    }
}
