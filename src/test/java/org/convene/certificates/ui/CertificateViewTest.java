package org.convene.certificates.ui;

import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.attendance.AttendanceFixture;
import org.convene.core.security.ConveneUser;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * The certificate views' tests start from the same place: a session of the attendance fixture's week that has
 * ended by the clock, and Alex, who may or may not have been there (each test says how long with
 * {@code fixture.stay}).
 */
abstract class CertificateViewTest extends KaribuTest {

    /** An hour after the fixture's session ended: certificates can be had. */
    static final Instant AFTER_THE_SESSION = Instant.parse("2031-11-10T12:00:00Z");

    @Autowired
    DSLContext db;
    @Autowired
    TestData data;

    AttendanceFixture fixture;
    ConveneUser alex;

    @BeforeEach
    void setUpFinishedSession() {
        fixture = new AttendanceFixture(db);
        alex = data.user();
        clock.set(AFTER_THE_SESSION);
    }

    @AfterEach
    void cleanUpFinishedSession() {
        fixture.cleanUp();
    }
}
