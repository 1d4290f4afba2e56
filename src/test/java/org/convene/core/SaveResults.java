package org.convene.core;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** For service tests: what a save returned, failing the test when it was not what the test expected. */
public final class SaveResults {

    private SaveResults() {
    }

    /** The saved value; fails the test if the change was refused. */
    public static <T> T saved(SaveResult<T> result) {
        assertThat(result).as("the change should have been made").isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<T>) result).value();
    }

    /** The problems by field; fails the test if the change was made. */
    public static Map<String, String> problems(SaveResult<?> result) {
        assertThat(result).as("the change should have been refused").isInstanceOf(SaveResult.Invalid.class);
        return ((SaveResult.Invalid<?>) result).problems();
    }
}
