package org.convene.polls.ui;

import org.convene.KaribuTest;
import org.convene.TestData;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.Role;
import org.convene.polls.PollService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** The polls parts' tests start from the same place: a session running now and its facilitator. */
abstract class PollsPartTest extends KaribuTest {

    @Autowired
    TestData data;
    @Autowired
    PollService polls;

    long session;
    ConveneUser facilitator;

    @BeforeEach
    void setUpLiveSession() {
        session = data.liveSession();
        facilitator = data.user(Role.FACILITATOR);
        data.facilitate(session, facilitator);
    }
}
