package org.convene.attendance.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import org.convene.attendance.AttendanceService;
import org.convene.attendance.AttendanceVisit;
import org.convene.attendance.SessionWindow;
import org.convene.core.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records a signed-in person's attendance while a session's page is open during the session, and tells them so
 * in plain words next to the Join button. It arrives when the page opens (or when the session starts while the
 * page is open), sends a heartbeat on the page's polls (requests from the browser, so a closed or disconnected
 * tab stops them), and leaves when the page is left or closed. Nothing is recorded for someone not signed in.
 *
 * It looks its services up itself, so that {@link AttendanceSection} can make one per page with the session alone.
 */
public class AttendanceTracker extends Div {

    static final String PRIVACY_ROUTE = "account/attendance";

    private final long sessionId;
    // looked up on attach: a tracker is made with the session alone
    private @Nullable AttendanceService attendance;
    private @Nullable Clock clock;
    private @Nullable SessionWindow window;
    private @Nullable AttendanceVisit visit;
    private @Nullable Instant lastHeartbeat;
    private @Nullable Registration pollRegistration;
    private int pollIntervalBefore;
    private int pollIntervalSet = -1;

    public AttendanceTracker(long sessionId) {
        this.sessionId = sessionId;
        addClassName("cv-attendance-note");
        setVisible(false);
    }

    /** The interval being recorded now, if any (for tests). */
    Optional<AttendanceVisit> visit() {
        return Optional.ofNullable(visit);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        var instantiator = ui.getSession().getService().getInstantiator();
        attendance = instantiator.getOrCreate(AttendanceService.class);
        clock = instantiator.getOrCreate(Clock.class);
        boolean signedIn = instantiator.getOrCreate(CurrentUser.class).get().isPresent();
        window = attendance.recordingWindow(sessionId).orElse(null);
        if (!signedIn || window == null || window.hasEnded(clock.instant())) {
            setVisible(false);
            return;
        }
        showNote();
        int heartbeatMillis = (int) attendance.heartbeatInterval().toMillis();
        pollIntervalBefore = ui.getPollInterval();
        if (pollIntervalBefore < 0 || pollIntervalBefore > heartbeatMillis) {
            ui.setPollInterval(heartbeatMillis);
            pollIntervalSet = heartbeatMillis;
        }
        pollRegistration = ui.addPollListener(poll -> tick());
        tick();
    }

    private void showNote() {
        removeAll();
        Anchor privacy = new Anchor(PRIVACY_ROUTE, "what we record and why");
        privacy.getElement().setAttribute("router-link", "");
        add(new Paragraph(new Span("While this page is open during the session, or when you use the Join link, "
                + "Convene records when you join and leave. Organisers use it to count attendance for the "
                + "host organisations and funders. Your name is shown to them only if you agree. Read "),
                privacy, new Span(".")));
        setVisible(true);
    }

    /** Called on every poll: arrive when the session is running, beat, and stop at the end. */
    void tick() {
        // polling starts on attach, once the services are looked up and the session has a window to record in
        AttendanceService attendance = Objects.requireNonNull(this.attendance, "looked up on attach");
        SessionWindow window = Objects.requireNonNull(this.window, "read on attach");
        Instant now = Objects.requireNonNull(clock, "looked up on attach").instant();
        if (window.isRunning(now)) {
            if (visit == null) {
                visit = attendance.arrived(sessionId).orElse(null);
                lastHeartbeat = now;
            } else if (lastHeartbeat != null
                    && Duration.between(lastHeartbeat, now).compareTo(attendance.heartbeatInterval()) >= 0) {
                lastHeartbeat = now;
                if (!attendance.stillHere(visit)) {
                    visit = null;
                }
            }
        } else if (visit != null && window.hasEnded(now)) {
            attendance.left(visit);
            visit = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (visit != null && attendance != null) {
            attendance.left(visit);
            visit = null;
        }
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        UI ui = event.getUI();
        // put the poll interval back only if it is still the one this tracker set
        if (pollIntervalSet > 0 && ui.getPollInterval() == pollIntervalSet) {
            ui.setPollInterval(pollIntervalBefore);
        }
        pollIntervalSet = -1;
        super.onDetach(event);
    }
}
