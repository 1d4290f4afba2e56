package org.convene.core.security;

import org.convene.accesshelp.BslVideo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Content-Security-Policy frames exactly the players the BSL interpreter's video is embedded in. */
class FrameSourcesTest {

    @Test
    void the_policy_allows_frames_from_the_bsl_players_and_nowhere_else() {
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("frame-src " + String.join(" ", BslVideo.PLAYER_HOSTS) + ";");
    }
}
