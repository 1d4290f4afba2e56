package org.convene.attendance.ui;

import com.vaadin.flow.component.html.Paragraph;
import org.convene.attendance.PhoneJoinService;
import org.convene.programme.ui.SessionViewSection;

import java.time.ZoneId;
import java.util.Optional;

/** On the moderation page, for those who may use it: the way to mark people who joined by phone. */
@org.springframework.stereotype.Component
class PhoneJoinLink implements SessionViewSection {

    private final PhoneJoinService phone;

    PhoneJoinLink(PhoneJoinService phone) {
        this.phone = phone;
    }

    @Override
    public View view() {
        return View.MODERATION;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Optional<com.vaadin.flow.component.Component> create(long sessionId, ZoneId zone) {
        if (!phone.mayMark(sessionId)) {
            return Optional.empty();
        }
        return Optional.of(new Paragraph(ReportPage.link("manage/sessions/" + sessionId + "/attendance-import#phone-joins",
                "Mark people who joined by phone")));
    }
}
