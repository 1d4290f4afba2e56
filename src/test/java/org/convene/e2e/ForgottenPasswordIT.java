package org.convene.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.convene.TestConfig;
import org.convene.account.AccountFixtures;
import org.convene.account.AccountMail;
import org.convene.account.PasswordResetService;
import org.convene.core.security.ConveneUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone who forgot their password, end to end in a real browser: from the log-in page they ask for a link,
 * open the link the outbox holds for them, choose a new password and log in with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
class ForgottenPasswordIT {

    private static final String NEW_PASSWORD = "copper-willow-lantern";

    private static Chromium chromium;

    @LocalServerPort
    int port;
    @Autowired
    AccountFixtures fixtures;
    @Autowired
    AccountMail mail;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + "/" + path;
    }

    @Test
    void someone_asks_for_a_link_on_the_log_in_page_chooses_a_new_password_and_logs_in_with_it() {
        ConveneUser user = fixtures.user("Fern Forgetful");
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = context.newPage();

            page.navigate(url("login"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgotten your password?")).click();
            assertThat(page.locator("main h1")).hasText("Forgotten your password?");
            page.fill("#email input", user.email());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
            assertThat(page.locator("#forgotten-status")).hasText(PasswordResetService.SAME_ANSWER);

            // the message's link names the configured public address; the test app listens on its own port
            String link = mail.last(user.email(), "password-reset").linkPath();
            page.navigate(url(link.substring(1)));
            assertThat(page.locator("main h1")).hasText("Choose a new password");
            page.fill("#newPassword input", NEW_PASSWORD);
            page.fill("#confirmPassword input", NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save my new password")).click();
            assertThat(page.locator("main h1")).hasText("Your password is changed");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Log in with your new password"))
                    .click();
            assertThat(page.locator("main h1")).hasText("Log in");
            page.fill("#email input", user.email());
            page.fill("#password input", NEW_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page.locator("header")).containsText("Signed in as Fern Forgetful");

            // the link worked once
            page.navigate(url(link.substring(1)));
            assertThat(page.locator("main h1")).hasText("This link does not work");
            assertThat(page.locator("main")).containsText("This link has already been used");
        }
    }
}
