package org.convene.recordings;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's CHECK constraint on the easy read summary (db/V14__programme_management.sql) and
 * {@link RecordingDraft#EASY_READ_MAX} say the same: exactly the limit is taken, one character more refused.
 */
@IntegrationTest
class RecordingLimitsDatabaseTest {

    private static final Instant START = Instant.parse("2031-09-16T10:00:00Z");

    @Autowired
    RecordingQueries recordings;
    @Autowired
    TestData data;

    private long newSession() {
        LocalDate day = LocalDate.of(2031, 9, 16);
        long conference = data.conference("Europe/London", day, day);
        return data.session(conference, TestData.unique("Limits"), START, START.plusSeconds(3600));
    }

    private static RecordingDraft withEasyRead(int length) {
        return new RecordingDraft("https://video.example.org/limits", null, null, "e".repeat(length));
    }

    @Test
    void the_database_takes_an_easy_read_summary_of_exactly_the_limit_and_refuses_one_character_more() {
        assertThat(recordings.publish(newSession(), 0, withEasyRead(RecordingDraft.EASY_READ_MAX), START)).isTrue();
        long another = newSession();
        assertThatThrownBy(() -> recordings.publish(another, 0, withEasyRead(RecordingDraft.EASY_READ_MAX + 1), START))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
