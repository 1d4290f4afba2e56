package org.convene.materials;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's checks on a material (db/V22__session_materials.sql) and {@link MaterialLimits} say the same:
 * exactly the limit is taken, one character more refused; a file name the service keeps always fits.
 */
@IntegrationTest
class MaterialLimitsDatabaseTest {

    private static final Instant START = Instant.parse("2031-09-16T10:00:00Z");

    @Autowired
    MaterialQueries materials;
    @Autowired
    TestData data;

    private long newSession() {
        LocalDate day = LocalDate.of(2031, 9, 16);
        long conference = data.conference("Europe/London", day, day);
        return data.session(conference, TestData.unique("Limits"), START, START.plusSeconds(3600));
    }

    private long insert(long session, String title, String fileName, ConveneUser by) {
        return materials.insert(session, MaterialKind.SLIDES, title, Publication.HIDDEN, null, null,
                new MaterialQueries.StoredFile(FileType.PDF, fileName, MaterialSamples.pdf()), by.id(), START);
    }

    @Test
    void the_database_takes_a_title_of_exactly_the_limit_and_refuses_one_character_more() {
        ConveneUser host = data.user();
        long session = newSession();
        assertThat(insert(session, "t".repeat(MaterialLimits.TITLE_MAX), "a.pdf", host)).isPositive();
        assertThatThrownBy(() -> insert(session, "t".repeat(MaterialLimits.TITLE_MAX + 1), "a.pdf", host))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_longest_file_name_the_service_keeps_fits_the_database() {
        String kept = FileNames.stored("\uD83D\uDE00".repeat(400) + ".pdf");
        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(MaterialLimits.FILE_NAME_MAX);
        assertThat(insert(newSession(), "Slides", kept, data.user())).isPositive();
        assertThatThrownBy(() -> insert(newSession(), "Slides", "n".repeat(MaterialLimits.FILE_NAME_MAX + 1),
                data.user())).isInstanceOf(DataIntegrityViolationException.class);
    }
}
