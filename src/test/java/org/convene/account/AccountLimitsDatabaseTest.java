package org.convene.account;

import org.convene.IntegrationTest;
import org.convene.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database's CHECK constraints (db/V1__accounts.sql, db/V7__api_tokens.sql) and {@link AccountLimits} say the
 * same: the database takes text of exactly the limit and refuses one character more.
 */
@IntegrationTest
class AccountLimitsDatabaseTest {

    @Autowired
    AccountRepository accounts;
    @Autowired
    ApiTokenQueries tokens;
    @Autowired
    TestData data;

    /** A unique, lower-case address of exactly this length. */
    private static String email(int length) {
        String domain = "@test.example";
        String unique = TestData.unique("limit").toLowerCase();
        return unique + "x".repeat(length - unique.length() - domain.length()) + domain;
    }

    private Long signUp(String name, String email) {
        return accounts.insert(name, email, "{noop}not-used", Instant.now(), null).orElseThrow();
    }

    @Test
    void the_database_takes_a_display_name_of_exactly_the_limit_and_refuses_one_character_more() {
        assertThat(signUp("n".repeat(AccountLimits.DISPLAY_NAME_MAX), email(40))).isNotNull();
        assertThatThrownBy(() -> signUp("n".repeat(AccountLimits.DISPLAY_NAME_MAX + 1), email(40)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_an_email_address_of_exactly_the_limit_and_refuses_one_character_more() {
        assertThat(signUp("Limit test", email(AccountLimits.EMAIL_MAX))).isNotNull();
        assertThatThrownBy(() -> signUp("Limit test", email(AccountLimits.EMAIL_MAX + 1)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_database_takes_a_token_name_of_exactly_the_limit_and_refuses_one_character_more() {
        long user = data.user().id();
        assertThat(tokens.insert(user, "t".repeat(AccountLimits.TOKEN_NAME_MAX), TestData.unique("hash"), Instant.now()))
                .isNotNull();
        assertThatThrownBy(() -> tokens.insert(user, "t".repeat(AccountLimits.TOKEN_NAME_MAX + 1),
                TestData.unique("hash"), Instant.now()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
