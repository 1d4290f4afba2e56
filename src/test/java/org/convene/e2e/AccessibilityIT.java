package org.convene.e2e;

import static org.convene.qa.QaResults.saved;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.convene.accesshelp.AccessHelpService;
import org.convene.accesshelp.HelpKind;
import org.convene.TestConfig;
import org.convene.TestData;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountMail;
import org.convene.account.PasswordResetService;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.programme.AccessFeature;
import org.convene.programme.ConferenceSummary;
import org.convene.mail.MailContent;
import org.convene.mail.MailState;
import org.convene.organising.HostCoordinatorService;
import org.convene.programme.HostRef;
import org.convene.organising.NewHostInvitation;
import org.convene.programme.ProgrammeFixture;
import org.convene.core.SaveResult;
import org.convene.programme.TrackRef;
import org.convene.qa.QaModerationService;
import org.convene.qa.QaService;
import org.convene.qa.QuestionView;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convene.db.Tables.ACCESS_NEEDS;
import static org.convene.db.Tables.ACCESS_NEED_FEATURE;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL;
import static org.convene.db.Tables.ACCESS_WITHDRAWAL_NOTICE;
import static org.convene.db.Tables.AGENDA_ITEM;
import static org.convene.db.Tables.APP_USER;
import static org.convene.db.Tables.ATTENDANCE_INTERVAL;
import static org.convene.db.Tables.HOST_COORDINATOR;
import static org.convene.db.Tables.HOST_ORGANISATION;
import static org.convene.db.Tables.MAIL_OUTBOX;
import static org.convene.db.Tables.PROGRAMME_SESSION;

/**
 * axe-core in a real browser (Chromium, driven by Playwright: see Chromium) on the main pages
 * and states: zero violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules, with the page 1280 and 360 px wide.
 * Screenshots of both are kept in target/screenshots.
 * <p>
 * Every page state is one line of {@link #states()}: who looks at it, its address (with {session}, {slug},
 * {host}, {recorded}, {person}, {voices} and {invitation} filled in from this class's own data), and optionally what to do
 * on the page before the audit. {@link Who#HOST} coordinates the host organisation of the live session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityIT {

    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** Who is looking: each has a browser context of their own, logged in once. */
    enum Who { ANYONE, ATTENDEE, HIGH_CONTRAST_ATTENDEE, ORGANISER, HOST }

    /** One page state to audit. {@code before} runs after the page has loaded, e.g. to open a panel. */
    record State(String name, Who who, String path, Consumer<Page> before) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static State state(String name, Who who, String path) {
        return new State(name, who, path, page -> { });
    }

    private static State state(String name, Who who, String path, Consumer<Page> before) {
        return new State(name, who, path, before);
    }

    static Stream<State> states() {
        return Stream.of(
                state("home", Who.ANYONE, ""),
                state("timetable", Who.ANYONE, "conferences/{slug}"),
                state("timetable with filters open", Who.ANYONE, "conferences/{slug}", page -> {
                    page.click("vaadin-details-summary:has-text('Filter sessions')");
                    page.waitForSelector("vaadin-details[opened]");
                }),
                // the questions are drawn in the browser (convene-questions.js): checked once they are there
                state("session page with questions", Who.ANYONE, "sessions/{session}", page ->
                        page.waitForSelector("li.cv-question p.cv-question-text")),
                state("stage view", Who.ANYONE, "sessions/{session}/stage"),
                state("session page with more questions than it shows", Who.ANYONE, "sessions/{big}"),
                state("session page with more questions shown", Who.ANYONE, "sessions/{big}", page -> {
                    page.click("vaadin-button:has-text('Show 2 more questions')");
                    page.waitForSelector(".cv-qa-count:has-text('27 questions.')");
                }),
                // live captions: the pane opened, then with the reader's larger, spaced, high-contrast choices
                state("session page with captions open", Who.ANYONE, "sessions/{session}", AccessibilityIT::openCaptions),
                state("session page with captions in high contrast", Who.ANYONE, "sessions/{session}", page -> {
                    openCaptions(page);
                    page.click("#captions-large");
                    page.click("#captions-spacious");
                    page.click("#captions-contrast");
                    page.waitForSelector(".cv-captions-lines.cv-captions-contrast");
                }),
                state("session page with captions paused", Who.ANYONE, "sessions/{session}", page -> {
                    openCaptions(page);
                    page.click("#captions-pause");
                    page.waitForSelector("#captions-pause-status");
                }),
                state("stage view with captions open", Who.ANYONE, "sessions/{session}/stage", AccessibilityIT::openCaptions),
                state("log in", Who.ANYONE, "login"),
                state("log in with errors", Who.ANYONE, "login", page -> {
                    page.click("vaadin-button:has-text('Log in')");
                    page.waitForSelector(".cv-error-summary a");
                }),
                state("sign up", Who.ANYONE, "signup"),
                // one-click unsubscribe: a plain page (mail.api), asked first, then done; an unknown token is
                // answered the same as a real one
                state("unsubscribe", Who.ANYONE, "mail/unsubscribe/axe-unknown-token"),
                state("unsubscribe done", Who.ANYONE, "mail/unsubscribe/axe-unknown-token", page -> {
                    page.click("button:has-text('Turn off all email reminders and updates')");
                    page.waitForSelector("main h1:has-text('are turned off')");
                }),
                // the account links (email)
                state("forgotten password", Who.ANYONE, "account/forgotten-password"),
                state("forgotten password, link asked for", Who.ANYONE, "account/forgotten-password", page -> {
                    page.fill("#email input", AccountFixtures.uniqueEmail("axe-forgot"));
                    page.click("#send-link");
                    page.waitForSelector("#forgotten-status.cv-success");
                }),
                state("forgotten password with errors", Who.ANYONE, "account/forgotten-password", page -> {
                    page.fill("#email input", "not-an-address");
                    page.click("#send-link");
                    page.waitForSelector(".cv-error-summary a");
                }),
                state("choose a new password", Who.ANYONE, "account/reset-password/{reset}"),
                state("choose a new password with errors", Who.ANYONE, "account/reset-password/{reset}", page -> {
                    page.click("#save-password");
                    page.waitForSelector(".cv-error-summary a");
                }),
                state("reset link that does not work", Who.ANYONE, "account/reset-password/not-a-real-token"),
                state("address confirmed", Who.ANYONE, "account/confirm/{confirm}"),
                state("confirmation link that does not work", Who.ANYONE, "account/confirm/not-a-real-token"),
                // an unknown id or slug is the same "Page not found" page (PageNotFoundView, a 404)
                state("session not found", Who.ANYONE, "sessions/999999999", page ->
                        assertThat(page.locator("main h1").textContent()).isEqualTo("Page not found")),
                state("conference not found", Who.ANYONE, "conferences/no-such-conference", page ->
                        assertThat(page.locator("main h1").textContent()).isEqualTo("Page not found")),
                state("page not found", Who.ANYONE, "timetabel", page ->
                        assertThat(page.locator("main h1").textContent()).isEqualTo("Page not found")),
                state("page not found signed in", Who.ATTENDEE, "manage/no-such-page", page ->
                        assertThat(page.locator("main h1").textContent()).isEqualTo("Page not found")),
                // the attendee needs BSL and has the live session on their agenda, whose BSL is no longer confirmed
                state("my agenda with a change to access", Who.ATTENDEE, "agenda", page ->
                        page.waitForSelector("#access-notices")),
                // places: a full session, the attendee joins its waiting list; then the agenda lists it apart
                state("session page of a full session, on its waiting list", Who.ATTENDEE, "sessions/{full}", page -> {
                    page.click(".cv-agenda-toggle");
                    page.waitForSelector(".cv-session-status:has-text('waiting list')");
                }),
                state("my agenda with a waiting list", Who.ATTENDEE, "agenda", page ->
                        page.waitForSelector(".cv-agenda-waiting h2")),
                // registration by approval: the attendee asks and waits; the hosts' page of requests, declining one
                state("session page, waiting for approval", Who.ATTENDEE, "sessions/{approval}", page -> {
                    page.click(".cv-agenda-toggle");
                    page.waitForSelector(".cv-session-status:has-text('asked for a place')");
                }),
                state("requests for a place", Who.HOST, "manage/sessions/{approval}/registrations", page ->
                        page.waitForSelector("#registration-list")),
                state("requests for a place, declining one", Who.HOST, "manage/sessions/{approval}/registrations",
                        page -> {
                            page.click("#registration-list vaadin-button:has-text('Decline')");
                            page.waitForSelector("#registration-list vaadin-text-area");
                        }),
                state("account", Who.ATTENDEE, "account"),
                state("account with access needs saved", Who.ATTENDEE, "account", page -> {
                    page.click("#access-needs-features vaadin-checkbox:has-text('I need live captions')");
                    page.click("#access-needs-save");
                    page.waitForSelector("#access-needs-status:has-text('Saved.')");
                }),
                // your data (account.ui.YourData): deleting without the tick shows the box's error
                state("account, deleting without the tick", Who.ATTENDEE, "account", page -> {
                    page.click("#delete-account");
                    page.waitForSelector("#delete-understood[invalid]");
                }),
                state("your attendance", Who.ATTENDEE, "account/attendance"),
                state("session page signed in", Who.ATTENDEE, "sessions/{session}", page ->
                        page.waitForSelector("li.cv-question vaadin-button.cv-vote")),
                state("session page signed in, after an up-vote", Who.ATTENDEE, "sessions/{session}", page -> {
                    page.click("li.cv-question:has-text('slides and the recording') vaadin-button.cv-vote");
                    page.waitForSelector("li.cv-question:has-text('slides and the recording') "
                            + "vaadin-button.cv-vote[aria-pressed='true']");
                }),
                // access help (accesshelp.ui): "Tell the facilitator" after a press, and with its note open
                state("session page, access help sent", Who.ATTENDEE, "sessions/{session}", page -> {
                    page.click("#help-too-fast");
                    page.waitForSelector("#help-status:has-text('The facilitators can see it')");
                }),
                state("session page, access help note open", Who.ATTENDEE, "sessions/{session}", page -> {
                    page.click("#help-something-else");
                    page.waitForSelector("#help-note input");
                }),
                // the BSL interpreter: a link on the main session, a player here, and the player made larger
                state("session page with the BSL player", Who.ANYONE, "sessions/{bsl}"),
                state("session page with the BSL player larger", Who.ANYONE, "sessions/{bsl}", page -> {
                    page.click("#bsl-larger");
                    page.waitForSelector("#bsl-larger[aria-pressed=true]");
                }),
                state("session page with the BSL settings open", Who.ORGANISER, "sessions/{session}", page -> {
                    page.click("#bsl-settings vaadin-details-summary");
                    page.waitForSelector("#bsl-settings[opened]");
                }),
                state("session page in high contrast", Who.HIGH_CONTRAST_ATTENDEE, "sessions/{session}"),
                state("timetable in high contrast", Who.HIGH_CONTRAST_ATTENDEE, "conferences/{slug}"),
                state("people and roles", Who.ORGANISER, "admin/users"),
                state("people and roles, anonymising confirmation", Who.ORGANISER, "admin/users", page -> {
                    page.waitForSelector("vaadin-grid-cell-content vaadin-button:has-text('Anonymise')");
                    page.click("vaadin-grid-cell-content vaadin-button:has-text('Anonymise')");
                    page.waitForSelector("#anonymise-confirmation-keep");
                }),
                state("email outbox", Who.ORGANISER, "manage/mail", AccessibilityIT::showFailedMail),
                state("email outbox with a message open", Who.ORGANISER, "manage/mail", page -> {
                    showFailedMail(page);
                    // (not its HTML version: axe cannot look into a frame that may run no scripts, and waits)
                    page.click("vaadin-grid-cell-content:has-text('Your session has moved')");
                    page.waitForSelector("#mail-message-text");
                }),
                state("moderation", Who.ORGANISER, "sessions/{session}/moderate"),
                state("reports index", Who.ORGANISER, "reports"),
                state("conference report", Who.ORGANISER, "reports/{slug}"),
                state("host report", Who.ORGANISER, "reports/{slug}/hosts/{host}"),
                // no session of this host has places: its no-shows are not counted, and the page says why
                state("host report without places", Who.ORGANISER, "reports/{slug}/hosts/{openHost}"),
                state("session report", Who.ORGANISER, "reports/sessions/{session}"),
                // programme management
                state("manage the programme", Who.ORGANISER, "manage?conference={slug}", AccessibilityIT::gridLoaded),
                state("manage the programme as a partner host", Who.HOST, "manage?conference={slug}",
                        AccessibilityIT::gridLoaded),
                state("add a session", Who.ORGANISER, "manage/sessions/new?conference={slug}"),
                state("add a session with errors", Who.ORGANISER, "manage/sessions/new?conference={slug}", page -> {
                    page.click("#save-session");
                    page.waitForSelector(".cv-error-summary a[href='#title']");
                }),
                state("change a session", Who.ORGANISER, "manage/sessions/{session}"),
                state("change a session with the list of people open", Who.ORGANISER, "manage/sessions/{session}",
                        page -> {
                            page.locator("#speaker input").pressSequentially("Grace");
                            page.waitForSelector("vaadin-combo-box-item:has-text('Grace Okafor')");
                        }),
                state("change a session as a partner host", Who.HOST, "manage/sessions/{session}"),
                // the access counts and arrangement states under the people, after a state is saved
                state("change a session with access arrangements saved", Who.ORGANISER, "manage/sessions/{session}",
                        page -> {
                            page.click("#arrangement-live-captions vaadin-radio-button:has-text('Booked')");
                            page.click("#access-arrangements-save");
                            page.waitForSelector("#access-planning-status:has-text('Saved')");
                        }),
                state("publish a recording", Who.ORGANISER, "manage/sessions/{recorded}/recording"),
                state("live captions and transcript", Who.ORGANISER, "manage/sessions/{session}/captions",
                        page -> page.waitForSelector("vaadin-grid-cell-content vaadin-button")),
                state("live captions and transcript, correcting a line", Who.ORGANISER,
                        "manage/sessions/{session}/captions", page -> {
                            page.click("vaadin-grid-cell-content vaadin-button:has-text('Correct')");
                            page.waitForSelector("#correction-text");
                        }),
                state("cancel a session", Who.ORGANISER, "manage/sessions/{session}/cancel"),
                state("slides and handouts", Who.ORGANISER, "manage/sessions/{session}/materials"),
                state("slides and handouts with errors", Who.ORGANISER, "manage/sessions/{session}/materials", page -> {
                    page.click("#material-add");
                    page.waitForSelector(".cv-error-summary a[href='#material-kind']");
                }),
                // a real upload through Vaadin's UploadHandler, then the list with its publish choice and buttons
                state("slides and handouts with a file added", Who.ORGANISER, "manage/sessions/{session}/materials",
                        page -> {
                            page.locator("#material-kind vaadin-radio-button").first().click();
                            page.fill("#material-title input", "Slides");
                            page.setInputFiles("#material-upload input[type=file]", new FilePayload("slides.pdf",
                                    "application/pdf", org.convene.materials.MaterialSamples.pdf()));
                            page.waitForSelector("#material-file-chosen:has-text('Chosen: slides.pdf')");
                            page.click("#material-add");
                            page.waitForSelector(".cv-material");
                        }),
                state("conferences", Who.ORGANISER, "manage/conferences"),
                state("create a conference", Who.ORGANISER, "manage/conferences/new"),
                state("change a conference", Who.ORGANISER, "manage/conferences/{slug}"),
                state("host organisations", Who.ORGANISER, "manage/hosts"),
                state("host organisation with a new invitation link", Who.ORGANISER, "manage/hosts/{host}", page -> {
                    page.fill("#invite-email input", AccountFixtures.uniqueEmail("invitee"));
                    page.click("#invite");
                    page.waitForSelector("#invitation-url");
                }),
                state("people", Who.ORGANISER, "manage/people"),
                state("add a person", Who.ORGANISER, "manage/people/new"),
                state("change a person", Who.ORGANISER, "manage/people/{person}"),
                state("invitation to coordinate", Who.ATTENDEE, "invitations/{invitation}"),
                state("import sessions", Who.HOST, "manage/import"),
                state("import sessions with problems", Who.HOST, "manage/import", page -> {
                    page.setInputFiles("#import-upload input[type=file]", new FilePayload("sessions.csv", "text/csv",
                            CSV_WITH_PROBLEMS.getBytes(StandardCharsets.UTF_8)));
                    page.waitForSelector("#import-problems table");
                    page.waitForSelector("#import-rows");
                }),
                // polls and feedback (polls): a live session with an open poll and a closed one with results
                state("session page with a poll, submitted empty", Who.ATTENDEE, "sessions/{session}", page -> {
                    page.click(".cv-poll-form vaadin-button:has-text('Submit answer')");
                    page.waitForSelector(".cv-poll-form .cv-error-message");
                }),
                state("session page with a poll answered", Who.ATTENDEE, "sessions/{session}", page -> {
                    page.locator(".cv-poll-form input[type=radio]").first().check();
                    page.click(".cv-poll-form vaadin-button");
                    page.waitForSelector(".cv-poll-status:has-text('Your answer is saved')");
                }),
                state("stage view with poll results as a table", Who.ANYONE, "sessions/{session}/stage", page -> {
                    page.locator(".cv-stage-poll vaadin-details-summary").first().click();
                    page.waitForSelector(".cv-stage-poll vaadin-details[opened]");
                }),
                state("moderation with a poll form with errors", Who.ORGANISER, "sessions/{session}/moderate", page -> {
                    page.click("#poll-save");
                    page.waitForSelector("#poll-form-errors a");
                }),
                state("moderation with phone feedback open", Who.ORGANISER, "sessions/{recorded}/moderate", page -> {
                    page.click("#phone-feedback vaadin-details-summary");
                    page.waitForSelector("#phone-feedback[opened]");
                }),
                state("feedback", Who.ATTENDEE, "sessions/{recorded}/feedback"),
                state("feedback with errors", Who.ATTENDEE, "sessions/{recorded}/feedback", page -> {
                    page.click("#feedback-send");
                    page.waitForSelector("#feedback-errors a");
                }),
                state("feedback sent", Who.ATTENDEE, "sessions/{recorded}/feedback", page -> {
                    page.locator("#feedback-useful input[type=radio]").first().check();
                    page.click("#feedback-send");
                    page.waitForSelector("#feedback-status:has-text('Your feedback is saved')");
                }),
                state("feedback before the session ends", Who.ATTENDEE, "sessions/{session}/feedback"),
                state("session report with polls and feedback", Who.ORGANISER, "reports/sessions/{recorded}"),
                // certificates: the attendee stayed for the whole of the recorded session yesterday
                state("session page with a certificate", Who.ATTENDEE, "sessions/{recorded}", page ->
                        page.waitForSelector("#certificate-download")),
                state("my certificates", Who.ATTENDEE, "account/certificates"),
                state("certificate verified", Who.ANYONE, "certificates/{certificate}", page ->
                        page.waitForSelector("#certificate-genuine")),
                state("certificate not found", Who.ANYONE, "certificates/AAAA-AAAA-AAAA-AAAA-AAAA", page ->
                        page.waitForSelector("#certificate-not-found")),
                state("session report with certificates", Who.ORGANISER, "reports/sessions/{recorded}", page ->
                        page.waitForSelector("#report-certificates-download")),
                state("change a conference, attendance rule refused", Who.ORGANISER, "manage/conferences/{slug}",
                        page -> {
                            page.fill("#attendance-rule input", "0");
                            page.click("#save-certificate-settings");
                            page.waitForSelector("#certificate-settings-status:has-text('between 1 and 100')");
                        }),

                // attendance from the meeting tool (imports and phone joins) on yesterday's session
                state("attendance import", Who.ORGANISER, "manage/sessions/{recorded}/attendance-import"),
                state("attendance import preview", Who.ORGANISER, "manage/sessions/{recorded}/attendance-import",
                        page -> {
                            uploadMeetingReport(page);
                            page.waitForSelector("#import-preview-rows");
                        }),
                state("attendance import unmatched list", Who.ORGANISER,
                        "manage/sessions/{recorded}/attendance-import", page -> {
                            uploadMeetingReport(page);
                            page.waitForSelector("#import-save");
                            page.click("#import-save");
                            page.waitForSelector("#import-unmatched li");
                        }),
                state("attendance import, a hand match to undo", Who.ORGANISER,
                        "manage/sessions/{recorded}/attendance-import", page -> {
                            uploadMeetingReport(page);
                            page.waitForSelector("#import-save");
                            page.click("#import-save");
                            page.waitForSelector("#import-unmatched li");
                            openMatchDialog(page, "vaadin-button[aria-label='Match Sam Nobody to an account']");
                            page.fill("#match-person-search input", "Hana Holder");
                            page.click("#match-person-find");
                            page.waitForSelector("#match-person-found vaadin-radio-button[checked]");
                            page.click("#match-confirm");
                            page.waitForSelector("#import-hand-matched li");
                            // axe measured the closing dialog's fading text once (CI): audit the page it leaves
                            page.waitForSelector("#match-person-search", new Page.WaitForSelectorOptions()
                                    .setState(WaitForSelectorState.HIDDEN));
                        }),
                state("recordings", Who.ANYONE, "recordings?conference={slug}"),
                state("recordings with filters", Who.ANYONE,
                        "recordings?conference={slug}&track={voices}&access=LIVE_CAPTIONS", page ->
                        assertThat(page.locator("#recordings-status").textContent()).contains("matches your filters")));
    }

    /** A file a partner host might upload: one good row, one for another organisation and one with a bad time. */
    private static final String CSV_WITH_PROBLEMS = """
            reference,title,format,date,start,end,host,captions
            AX-1,Carers' rights at work,Webinar,%1$s,10:00,11:00,Carers Together,yes
            AX-2,Someone else's session,Talk,%1$s,12:00,13:00,Another Organisation,no
            AX-3,Respite care: what works,Workshop,%1$s,14:00,13:00,Carers Together,no
            """.formatted(LocalDate.now(ZoneId.of("Europe/London")).plusDays(1));

    /**
     * Presses the button until its dialog opens: the list it is in is drawn again once the import is saved, and
     * CI saw a press land on a button that was replaced before the server handled it (the dialog never came).
     */
    private static void openMatchDialog(Page page, String button) {
        for (int attempt = 1; ; attempt++) {
            page.click(button);
            try {
                page.waitForSelector("#match-person-search input", new Page.WaitForSelectorOptions().setTimeout(10_000));
                return;
            } catch (TimeoutError e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** A Zoom report of yesterday's session (times with their offset), of people with no account here. */
    private static void uploadMeetingReport(Page page) {
        Instant start = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String csv = "Name (original name),User email,Join time,Leave time\n"
                + "Rowan Nobody,rowan.nobody@example.org," + start.plusSeconds(600) + "," + start.plusSeconds(2400)
                + "\nSam Nobody,," + start.plusSeconds(900) + "," + start.plusSeconds(3000) + "\n";
        page.setInputFiles("#import-upload input[type=file]", new FilePayload("zoom.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static void openCaptions(Page page) {
        page.click("#captions-toggle");
        page.waitForSelector(".cv-captions-lines .cv-caption");
    }

    private static void gridLoaded(Page page) {
        page.waitForSelector("vaadin-grid-cell-content a");
    }

    private Chromium chromium;
    private final Map<Who, BrowserContext> contexts = new EnumMap<>(Who.class);

    @LocalServerPort
    int port;
    @Autowired
    org.convene.agenda.AgendaService agenda;
    @Autowired
    AccountFixtures accounts;
    @Autowired
    AccessHelpService accessHelp;
    @Autowired
    QaService qa;
    @Autowired
    QaModerationService moderation;
    @Autowired
    org.convene.captions.CaptionService captions;
    @Autowired
    TestData data;
    @Autowired
    DSLContext db;
    @Autowired
    HostCoordinatorService coordinators;
    @Autowired
    PasswordResetService resets;
    @Autowired
    AccountMail mail;
    @Autowired
    org.convene.polls.PollService polls;
    @Autowired
    org.convene.polls.FeedbackService feedback;
    @Autowired
    org.convene.certificates.CertificateService certificates;

    private ProgrammeFixture programme;
    private long sessionId;
    private long bigSessionId;
    private String slug;
    private long hostId;
    private long recordedId;
    private long fullId;
    private long approvalId;
    private long openHostId;
    private long personId;
    private long bslPlayerId;
    private long voicesTrackId;
    private Page page;
    private final Map<Who, ConveneUser> users = new EnumMap<>(Who.class);
    private String invitationPath;
    private String certificateCode;

    /**
     * A conference running now, with tracks, a host and a live session that has questions and attendance, so
     * that every page shows real content (and the screenshots are worth looking at).
     */
    @BeforeAll
    void launchAndCreateData() {
        chromium = Chromium.launch();
        programme = new ProgrammeFixture(db);
        String tag = programme.tag();
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.now(london);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // plain names (no test tags): the screenshots of these pages go into the README
        ConferenceSummary week = programme.conference("Co-production Week", london.getId(),
                today.minusDays(1), today.plusDays(3));
        slug = week.slug();
        TrackRef voices = programme.track(week, "Lived experience", 0);
        TrackRef practice = programme.track(week, "Practice and policy", 1);
        HostRef host = hostNamed("Carers Together");
        hostId = host.id();
        sessionId = programme.session(week, "Co-producing care plans with carers")
                .at(now.minus(20, ChronoUnit.MINUTES), now.plus(40, ChronoUnit.MINUTES)).track(voices).host(host)
                .summary("How carers and social workers write a care plan together, with examples from three councils.")
                .access(AccessFeature.BSL_INTERPRETATION, AccessFeature.LIVE_CAPTIONS, AccessFeature.BUILT_IN_BREAKS)
                .joinUrl("https://meet.example.org/care-plans-" + tag).create();
        bigSessionId = programme.session(week, "Easy read: what co-production means").format(org.convene.programme.SessionFormat.WORKSHOP)
                .at(now.minus(20, ChronoUnit.MINUTES), now.plus(25, ChronoUnit.MINUTES)).track(practice).host(host)
                .access(AccessFeature.EASY_READ, AccessFeature.AUDIO_OR_PHONE).create();
        bslPlayerId = bigSessionId;
        voicesTrackId = voices.id();
        personId = programme.person("Grace Okafor", "Carers Together",
                "Grace has cared for her mother for ten years and trains social workers.");
        recordedId = programme.session(week, "What carers told us in 2025")
                .at(now.minus(1, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS))
                .track(voices).host(host).access(AccessFeature.LIVE_CAPTIONS, AccessFeature.EASY_READ)
                .person(personId, org.convene.programme.PersonRole.SPEAKER)
                .recordingUrl("https://video.example.org/carers-2025-" + tag).create();
        db.update(PROGRAMME_SESSION)
                .set(PROGRAMME_SESSION.CAPTIONS_URL, "https://video.example.org/carers-2025-" + tag + ".vtt")
                .set(PROGRAMME_SESSION.TRANSCRIPT_URL, "https://video.example.org/carers-2025-" + tag + ".txt")
                .set(PROGRAMME_SESSION.EASY_READ_SUMMARY, "Carers told us what helps them.\n\nThey want more breaks.")
                .set(PROGRAMME_SESSION.RECORDING_PUBLISHED_AT, now)
                .where(PROGRAMME_SESSION.ID.eq(recordedId)).execute();
        programme.session(week, "Peer support networks in rural areas")
                .at(now.plus(60, ChronoUnit.MINUTES), now.plus(120, ChronoUnit.MINUTES)).track(voices)
                .access(AccessFeature.LIVE_CAPTIONS).create();

        fullId = programme.session(week, "Small co-design circle")
                .at(now.plus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS))
                .track(practice).host(host).capacity(1).create();
        ConveneUser holder = accounts.user("Hana Holder");
        as(holder, () -> agenda.add(fullId));
        approvalId = programme.session(week, "Carers' listening circle")
                .at(now.plus(2, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS))
                .track(voices).host(host).capacity(8).create();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.REGISTRATION_NEEDS_APPROVAL, true)
                .where(PROGRAMME_SESSION.ID.eq(approvalId)).execute();
        as(accounts.user("Rosa Requester"), () -> agenda.askForPlace(approvalId));
        HostRef openHost = hostNamed("Open Door Carers");
        openHostId = openHost.id();
        programme.session(week, "Drop-in chat for carers")
                .at(now.minus(1, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS), now.minus(1, ChronoUnit.DAYS).plus(3, ChronoUnit.HOURS))
                .track(voices).host(openHost).create();

        ConveneUser facilitator = accounts.user("Fola Facilitator", Role.FACILITATOR);
        data.facilitate(sessionId, facilitator);
        ConveneUser asker = accounts.user("Priya Patel");
        ConveneUser voter = accounts.user("Tom Evans");
        as(facilitator, () -> moderation.updateSettings(sessionId, true, false, true));
        QuestionView[] asked = new QuestionView[2];
        as(asker, () -> {
            asked[0] = saved(qa.ask(sessionId, "Will the slides and the recording be shared afterwards?", false));
            asked[1] = saved(qa.ask(sessionId, "How do you involve carers who cannot join online meetings?", false));
        });
        as(voter, () -> qa.vote(asked[1].id(), true));
        // more questions than a session page shows at first: the count line, "Just asked" and "Show more"
        for (int i = 1; i <= 27; i++) {
            String text = "Question " + i + " about easy read";
            as(data.user(), () -> saved(qa.ask(bigSessionId, text, false)));
        }
        // access help for the moderation page and the report, and the BSL interpreter as a link and as a player
        as(asker, () -> {
            accessHelp.send(sessionId, HelpKind.CAPTIONS_STOPPED, null);
            accessHelp.send(sessionId, HelpKind.SOMETHING_ELSE, "The slides are too small to read");
        });
        as(voter, () -> accessHelp.send(sessionId, HelpKind.CAPTIONS_STOPPED, null));
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.BSL_VIDEO_URL, "https://interpreters.example.org/live/" + tag)
                .where(PROGRAMME_SESSION.ID.eq(sessionId)).execute();
        db.update(PROGRAMME_SESSION).set(PROGRAMME_SESSION.BSL_VIDEO_URL, "https://vimeo.com/76979871")
                .where(PROGRAMME_SESSION.ID.eq(bslPlayerId)).execute();
        // polls on the live session (one closed with answers, one open) and feedback on the recorded one
        as(facilitator, () -> {
            long closed = ((SaveResult.Saved<Long>) polls.prepare(sessionId, new org.convene.polls.PollDraft(
                    "Could you follow the captions?", List.of("Yes", "Partly", "No"), false, true))).value();
            polls.open(closed);
            as(asker, () -> polls.answer(closed, List.of(1)));
            as(voter, () -> polls.answer(closed, List.of(2)));
            AccountFixtures.actAs(facilitator);
            polls.close(closed);
            long open = ((SaveResult.Saved<Long>) polls.prepare(sessionId, new org.convene.polls.PollDraft(
                    "Shall we take a short break now?", List.of("Yes, please", "Not yet"), false, true))).value();
            polls.open(open);
        });
        data.facilitate(recordedId, facilitator);
        as(asker, () -> feedback.give(recordedId, new org.convene.polls.FeedbackDraft(5, 4,
                org.convene.polls.ComeAgain.YES, "The captions helped a lot.")));
        // live captions so far (facilitators may send them), one still being typed
        as(facilitator, () -> {
            captions.send(sessionId, "Welcome to Co-producing care plans with carers.", true);
            captions.send(sessionId, "First, a few words about how we work", false);
        });
        // a failed message for the email page (mail.ui.OutboxView)
        MailContent moved = MailContent.builder("Your session has moved").paragraph("It now starts at 11am.")
                .action("See the session", "https://convene.example.test/sessions/" + sessionId)
                .why("The session is on your agenda.").build();
        db.insertInto(MAIL_OUTBOX).set(MAIL_OUTBOX.IDEMPOTENCY_KEY, "axe-moved:" + tag).set(MAIL_OUTBOX.KIND, "session-moved")
                .set(MAIL_OUTBOX.TO_ADDRESS, "priya@example.org").set(MAIL_OUTBOX.SUBJECT, moved.subject())
                .set(MAIL_OUTBOX.TEXT_BODY, moved.text()).set(MAIL_OUTBOX.HTML_BODY, moved.html())
                .set(MAIL_OUTBOX.STATE, MailState.FAILED).set(MAIL_OUTBOX.ATTEMPTS, 1)
                .set(MAIL_OUTBOX.LAST_ERROR, "the mail server refused it for good (SMTP 550)")
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, now).set(MAIL_OUTBOX.CREATED_AT, now).execute();
        accessNeedsAndAWithdrawal(now);
        ConveneUser certified = user(Who.ATTENDEE);
        Instant recordedStart = now.minus(1, ChronoUnit.DAYS);
        db.insertInto(ATTENDANCE_INTERVAL)
                .set(ATTENDANCE_INTERVAL.SESSION_ID, recordedId).set(ATTENDANCE_INTERVAL.USER_ID, certified.id())
                .set(ATTENDANCE_INTERVAL.JOINED_AT, recordedStart)
                .set(ATTENDANCE_INTERVAL.LEFT_AT, recordedStart.plus(1, ChronoUnit.HOURS))
                .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, recordedStart.plus(1, ChronoUnit.HOURS))
                .execute();
        db.update(APP_USER).set(APP_USER.NAMED_IN_REPORTS, true).where(APP_USER.ID.eq(certified.id())).execute();
        as(certified, () -> certificateCode = org.convene.certificates.CertificateCodes.grouped(
                certificates.sessionCertificate(recordedId, certified.id()).code()));
        for (ConveneUser attendee : List.of(asker, voter)) {
            db.insertInto(ATTENDANCE_INTERVAL)
                    .set(ATTENDANCE_INTERVAL.SESSION_ID, sessionId).set(ATTENDANCE_INTERVAL.USER_ID, attendee.id())
                    .set(ATTENDANCE_INTERVAL.JOINED_AT, now.minus(18, ChronoUnit.MINUTES))
                    .set(ATTENDANCE_INTERVAL.LEFT_AT, now.minus(5, ChronoUnit.MINUTES))
                    .set(ATTENDANCE_INTERVAL.LAST_SEEN_AT, now.minus(5, ChronoUnit.MINUTES))
                    .execute();
        }
    }

    /**
     * The attendee needs BSL and has the live session on their agenda; its BSL was confirmed and then set back,
     * so their agenda shows a change to access, and the host's editor a count.
     */
    private void accessNeedsAndAWithdrawal(Instant now) {
        ConveneUser auditor = user(Who.ATTENDEE);
        db.insertInto(ACCESS_NEEDS).set(ACCESS_NEEDS.USER_ID, auditor.id()).set(ACCESS_NEEDS.UPDATED_AT, now).execute();
        db.insertInto(ACCESS_NEED_FEATURE).set(ACCESS_NEED_FEATURE.USER_ID, auditor.id())
                .set(ACCESS_NEED_FEATURE.FEATURE, AccessFeature.BSL_INTERPRETATION).execute();
        db.insertInto(AGENDA_ITEM).set(AGENDA_ITEM.USER_ID, auditor.id()).set(AGENDA_ITEM.SESSION_ID, sessionId)
                .set(AGENDA_ITEM.ADDED_AT, now).execute();
        long withdrawal = db.insertInto(ACCESS_WITHDRAWAL).set(ACCESS_WITHDRAWAL.SESSION_ID, sessionId)
                .set(ACCESS_WITHDRAWAL.FEATURE, AccessFeature.BSL_INTERPRETATION)
                .set(ACCESS_WITHDRAWAL.KIND, org.convene.access.Withdrawal.Kind.NO_LONGER_CONFIRMED)
                .set(ACCESS_WITHDRAWAL.WITHDRAWN_AT, now).returning(ACCESS_WITHDRAWAL.ID).fetchSingle().getId();
        db.insertInto(ACCESS_WITHDRAWAL_NOTICE).set(ACCESS_WITHDRAWAL_NOTICE.WITHDRAWAL_ID, withdrawal)
                .set(ACCESS_WITHDRAWAL_NOTICE.USER_ID, auditor.id()).execute();
    }

    /** Host names are unique in the database; this one is shared by every run of this class and never removed. */
    private HostRef hostNamed(String name) {
        db.insertInto(HOST_ORGANISATION).set(HOST_ORGANISATION.NAME, name)
                .set(HOST_ORGANISATION.DESCRIPTION, "A user-led organisation of unpaid carers.")
                .onConflictDoNothing().execute();
        return new HostRef(db.select(HOST_ORGANISATION.ID).from(HOST_ORGANISATION)
                .where(HOST_ORGANISATION.NAME.eq(name)).fetchSingle().value1(), name);
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        if (programme != null) {
            programme.cleanUp();
        }
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.close();
        }
    }

    private static void as(ConveneUser user, Runnable action) {
        AccountFixtures.actAs(user);
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private ConveneUser user(Who who) {
        return users.computeIfAbsent(who, w -> switch (w) {
            case ANYONE -> throw new IllegalArgumentException("nobody is signed in");
            case ATTENDEE -> accounts.user("Axe Auditor");
            case HIGH_CONTRAST_ATTENDEE -> {
                ConveneUser user = accounts.user("Axe High Contrast");
                db.update(APP_USER).set(APP_USER.HIGH_CONTRAST, true).where(APP_USER.ID.eq(user.id())).execute();
                yield user;
            }
            case ORGANISER -> accounts.user("Axe Organiser", Role.ORGANISER);
            case HOST -> {
                ConveneUser user = accounts.user("Axe Coordinator", Role.HOST);
                db.insertInto(HOST_COORDINATOR).set(HOST_COORDINATOR.HOST_ID, hostId)
                        .set(HOST_COORDINATOR.USER_ID, user.id())
                        .set(HOST_COORDINATOR.ADDED_AT, Instant.now()).execute();
                yield user;
            }
        });
    }

    private BrowserContext context(Who who) {
        return contexts.computeIfAbsent(who, w -> w == Who.ANYONE ? chromium.browser.newContext()
                : chromium.signedIn(port, user(w)).context());
    }

    /** A fresh account's newest link of this kind: a reset it asked for, or the confirmation its sign-up sent. */
    private String accountLink(String kind) {
        String email = AccountFixtures.uniqueEmail("axe-link");
        if (!(accounts.signUpOnly("Axe Link", email) instanceof SaveResult.Saved<ConveneUser>)) {
            throw new IllegalStateException("could not sign up " + email);
        }
        if (kind.equals("password-reset")) {
            resets.requestReset(email);
        }
        return mail.last(email, kind).token();
    }

    /** An invitation for the attendee to coordinate the host organisation, made by the organiser. */
    private String invitationPath() {
        if (invitationPath == null) {
            ConveneUser invitee = user(Who.ATTENDEE);
            as(user(Who.ORGANISER), () -> {
                if (!(coordinators.invite(hostId, invitee.email()) instanceof SaveResult.Saved<NewHostInvitation> made)) {
                    throw new IllegalStateException("the organiser could not invite " + invitee.email());
                }
                invitationPath = made.value().path();
            });
        }
        return invitationPath.replaceFirst("^/", "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("states")
    void has_no_wcag_violations(State state) {
        page = context(state.who()).newPage();
        String path = state.path().replace("{session}", Long.toString(sessionId)).replace("{slug}", slug)
                .replace("{big}", Long.toString(bigSessionId))
                .replace("{host}", Long.toString(hostId)).replace("{recorded}", Long.toString(recordedId))
                .replace("{person}", Long.toString(personId)).replace("{bsl}", Long.toString(bslPlayerId)).replace("{voices}", Long.toString(voicesTrackId))
                .replace("{full}", Long.toString(fullId)).replace("{certificate}", certificateCode)
                .replace("{approval}", Long.toString(approvalId)).replace("{openHost}", Long.toString(openHostId));
        if (path.contains("{reset}")) {
            path = path.replace("{reset}", accountLink("password-reset"));
        }
        if (path.contains("{confirm}")) {
            path = path.replace("{confirm}", accountLink("confirm-address"));
        }
        if (path.contains("{invitation}")) {
            path = path.replace("invitations/{invitation}", invitationPath());
        }
        page.navigate("http://localhost:" + port + "/" + path);
        page.waitForSelector("main h1");
        state.before().accept(page);
        audit(state.name());
    }

    /** True once no overlay (dialog, menu, notification) is opening or closing, shadow roots included. */
    private static final String OVERLAYS_AT_REST = """
            () => {
              const moving = root => [...root.querySelectorAll('*')].some(e =>
                  e.hasAttribute('opening') || e.hasAttribute('closing') || (e.shadowRoot && moving(e.shadowRoot)));
              return !moving(document);
            }""";

    /**
     * Audits the page as it is 1280 px wide and again at 360 px (a phone, and 400 % zoom on a small laptop: WCAG
     * 1.4.10), where wrapped controls, scrolling tables and crowded targets differ; keeps a screenshot of each.
     */
    private void audit(String state) {
        // an overlay fading in or out has text at part opacity, and axe measures its contrast as it is at that moment
        page.waitForFunction(OVERLAYS_AT_REST);
        List<String> problems = new java.util.ArrayList<>();
        for (int width : new int[]{1280, 360}) {
            page.setViewportSize(width, 900);
            AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
            results.getViolations().stream()
                    .map(v -> width + " px: " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                            .collect(Collectors.joining(", ")))
                    .forEach(problems::add);
            screenshot(state, width);
        }
        page.setViewportSize(1280, 900);
        assertThat(problems).as("axe violations on %s", state).isEmpty();
    }

    private void screenshot(String state, int width) {
        String name = state.replaceAll("[^a-z0-9]+", "-");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Paths.get("target", "screenshots", name + "-" + width + ".png")));
    }

    /**
     * The other browser tests leave newer messages in the outbox (sign-ups, reset links), so the failed one this
     * class wrote is found with the page's own state filter, as an operator would.
     */
    private static void showFailedMail(com.microsoft.playwright.Page page) {
        page.click("#mail-state-filter");
        page.click("vaadin-select-item:has-text('Failed')");
        page.waitForSelector("vaadin-grid-cell-content:has-text('Your session has moved')");
    }
}
