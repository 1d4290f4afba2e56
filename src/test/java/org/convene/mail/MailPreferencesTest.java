package org.convene.mail;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MailPreferencesTest {

    @Autowired
    MailPreferences preferences;
    @Autowired
    TestData data;

    @Test
    void an_audience_read_at_once_gets_the_same_answers_as_one_person_at_a_time() {
        long withToken = data.user().id();
        long withoutToken = data.user().id();
        long declined = data.user().id();
        String existing = preferences.unsubscribeUrl(withToken);
        preferences.set(declined, MailTopic.SESSION_CHANGES, false);
        preferences.set(withoutToken, MailTopic.RECORDINGS, false); // another topic: still wanted here

        var urls = preferences.unsubscribeUrlsOfThoseWanting(List.of(withoutToken, declined, withToken),
                MailTopic.SESSION_CHANGES);

        assertThat(urls.keySet()).containsExactly(withoutToken, withToken);
        assertThat(urls.get(withToken)).isEqualTo(existing);
        assertThat(urls.get(withoutToken)).isEqualTo(preferences.unsubscribeUrl(withoutToken))
                .startsWith("https://convene.example.test" + MailPreferences.UNSUBSCRIBE_PATH);
        assertThat(preferences.wants(declined, MailTopic.SESSION_CHANGES)).isFalse();
        assertThat(preferences.unsubscribeUrlsOfThoseWanting(List.of(), MailTopic.SESSION_CHANGES)).isEmpty();
    }
}
