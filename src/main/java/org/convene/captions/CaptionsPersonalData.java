package org.convene.captions;

import org.convene.core.personal.PersonalDataSection;
import org.convene.core.personal.PersonalDataTable;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

import java.util.List;

import static org.convene.db.Tables.CAPTION_PREFERENCE;

/**
 * How a person likes the caption pane; deleted with the account. Caption lines a captioner sent stay in the
 * session's transcript, no longer linked to them.
 */
@Repository
class CaptionsPersonalData implements PersonalDataSection {

    private final DSLContext db;

    CaptionsPersonalData(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "captions";
    }

    @Override
    public List<PersonalDataTable> exportFor(long userId) {
        return List.of(PersonalDataTable.of("choices", "How you like the caption pane to look and behave.",
                List.of("Large text", "Spacious", "High contrast", "Announce new lines"),
                db.select(CAPTION_PREFERENCE.LARGE_TEXT, CAPTION_PREFERENCE.SPACIOUS, CAPTION_PREFERENCE.HIGH_CONTRAST,
                                CAPTION_PREFERENCE.ANNOUNCE)
                        .from(CAPTION_PREFERENCE).where(CAPTION_PREFERENCE.USER_ID.eq(userId)).fetch(Record::intoList)));
    }
}
