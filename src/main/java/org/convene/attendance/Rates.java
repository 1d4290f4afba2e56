package org.convene.attendance;

import org.jspecify.annotations.Nullable;

/** Shares as numbers people read: "14%" and "about 1 in 7". */
public final class Rates {

    private Rates() {
    }

    /** part / whole, or null when there is no whole to divide by. */
    public static @Nullable Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** "14% (about 1 in 7)", "0% (none)", "100% (all)", or "no one to count" when undefined. */
    public static String describe(@Nullable Double share) {
        if (share == null) {
            return "no one to count";
        }
        long percent = Math.round(share * 100);
        if (share == 0) {
            return "0% (none)";
        }
        if (share == 1) {
            return "100% (all)";
        }
        long oneIn = Math.round(1 / share);
        String ratio = share <= 0.35 ? "about 1 in " + oneIn : nearestFraction(share);
        return percent + "% (" + ratio + ")";
    }

    /** For shares above a half, "about 2 in 3", "about 9 in 10". */
    private static String nearestFraction(double share) {
        int bestTop = 1;
        int bestBottom = 1;
        double bestError = Double.MAX_VALUE;
        for (int bottom = 2; bottom <= 10; bottom++) {
            int top = (int) Math.round(share * bottom);
            double error = Math.abs(share - (double) top / bottom);
            if (top > 0 && top < bottom && error < bestError - 1e-9) {
                bestError = error;
                bestTop = top;
                bestBottom = bottom;
            }
        }
        return "about " + bestTop + " in " + bestBottom;
    }
}
