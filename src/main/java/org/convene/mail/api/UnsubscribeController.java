package org.convene.mail.api;

import org.convene.mail.MailPreferences;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * The one-click unsubscribe address of every message a person can turn off (RFC 8058, List-Unsubscribe-Post).
 * <p>
 * A POST, as mail providers send it ({@code List-Unsubscribe=One-Click}), turns every topic off, without a log-in
 * and without a CSRF token (the secret token in the address is what proves the message reached its owner; the
 * pages chain exempts exactly this address). A GET only shows a page with a button that sends that POST: link
 * scanners and previews follow GETs, and must not unsubscribe anyone. An unknown token gets the same answers, so
 * the address tells nobody whether a token is real.
 */
@RestController
class UnsubscribeController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final MailPreferences preferences;

    UnsubscribeController(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping(MailPreferences.UNSUBSCRIBE_PATH + "{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        String action = MailPreferences.UNSUBSCRIBE_PATH + UriUtils.encodePathSegment(token, StandardCharsets.UTF_8);
        return page("Turn off email reminders and updates", """
                <p>Press the button to stop all email reminders and updates from Convene. That means:</p>
                <ul>
                <li>the list of your sessions the day before,</li>
                <li>the reminder shortly before each session,</li>
                <li>news of sessions on your agenda that move or are cancelled,</li>
                <li>news of recordings.</li>
                </ul>
                <p>Emails about your account, such as resetting your password, still come.</p>
                <form method="post" action="%s">
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Turn off all email reminders and updates</button>
                </form>
                <p>If you did not mean to, just close this page. Nothing changes until you press the button.</p>
                """.formatted(HtmlUtils.htmlEscape(action)));
    }

    /** Answers 200 whatever the token: mail providers only need to know it was taken. */
    @PostMapping(MailPreferences.UNSUBSCRIBE_PATH + "{token}")
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        preferences.unsubscribeAll(token);
        return page("Email reminders and updates are turned off", """
                <p role="status">Done. Convene will not send you reminders or updates any more.</p>
                <p>Emails about your account, such as resetting your password, still come.</p>
                <h2>To turn some back on</h2>
                <ol>
                <li>Log in to Convene.</li>
                <li>Go to <a href="/account">Your account</a>.</li>
                <li>Under "Email reminders and updates", tick the emails you want and press Save.</li>
                </ol>
                """);
    }

    private static ResponseEntity<String> page(String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en-GB">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%1$s – Convene</title>
                <style>
                body { font-family: Arial, Helvetica, sans-serif; font-size: 1.125rem; line-height: 1.5; color: #1a1a1a;
                       background: #fff; max-width: 40em; margin: 0 auto; padding: 1rem; }
                a { color: #0b4f8a; }
                button { font: inherit; font-weight: bold; padding: 0.75rem 1.5rem; background: #0b4f8a; color: #fff;
                         border: 2px solid #0b4f8a; border-radius: 6px; cursor: pointer; }
                button:focus-visible, a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 3px; }
                </style>
                </head>
                <body>
                <header><p><a href="/">Convene</a></p></header>
                <main>
                <h1>%1$s</h1>
                %2$s</main>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(title), body);
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noStore()).body(html);
    }
}
