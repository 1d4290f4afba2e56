package org.convene.qa;

import org.convene.core.SaveResult;

import static org.assertj.core.api.Assertions.assertThat;

/** For tests that set up a board: what a Q&A action saved, failing the test when it was not saved. */
public final class QaResults {

    private QaResults() {
    }

    public static <T> T saved(SaveResult<T> result) {
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<T>) result).value();
    }

    public static <T> SaveResult.Invalid<T> invalid(SaveResult<T> result) {
        assertThat(result).isInstanceOf(SaveResult.Invalid.class);
        return (SaveResult.Invalid<T>) result;
    }
}
