package org.convene.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.net.http.HttpClient;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Checks that the headless client ({@link VaadinPage}) sees what a browser sees: the same session page open in
 * Debian's headless Chromium (Playwright, the flags of the e2e tests) and in the headless client at the same time;
 * questions are asked and up-voted over STOMP (so the list also reorders), then both must list the same question
 * texts with the same vote counts in the same order: the DOM's {@code li.cv-question p.cv-question-text} and
 * {@code span.cv-vote-count} against the texts the client built from UIDL changes. Exits 0 when they agree.
 *
 * Arguments: httpPort dbPort [questions=3] [signedIn=false]
 */
public final class SessionPageClientCheck {

    private SessionPageClientCheck() {
    }

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        int dbPort = Integer.parseInt(args[1]);
        int questions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean signedIn = args.length > 3 && Boolean.parseBoolean(args[3]);
        String base = "http://127.0.0.1:" + httpPort;
        String jdbcUrl = BenchSeed.jdbcUrl(dbPort);
        BenchSeed.Seed seed = BenchSeed.seed(jdbcUrl, 6);
        String route = "sessions/" + seed.sessionId();
        BenchSeed.Account reader = signedIn ? BenchSeed.users(jdbcUrl, "reader", 1).getFirst() : null;

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        Map<Integer, Long> headlessSeen = new ConcurrentHashMap<>();
        VaadinPage headless = new VaadinPage(0, http, base, route, new VaadinPage.Watcher() {
            @Override
            public void question(VaadinPage page, int marker, long nanos) {
                headlessSeen.put(marker, System.currentTimeMillis() - (System.nanoTime() - nanos) / 1_000_000);
            }

            @Override
            public void votes(VaadinPage page, int marker, int count, long nanos) {
            }
        });

        boolean same;
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Page page = browser.newContext().newPage();
            if (reader != null) {
                page.navigate(base + "/login");
                page.fill("#email input", reader.email());
                page.fill("#password input", BenchSeed.PASSWORD);
                page.click("vaadin-button:has-text('Log in')");
                page.waitForURL(url -> !url.contains("/login"));
                headless.signIn(reader.email(), BenchSeed.PASSWORD).get(60, TimeUnit.SECONDS);
            }
            page.navigate(base + "/" + route);
            page.locator(".cv-qa").waitFor();
            // when each question's text first shows in the browser's list, by the same wall clock as ours
            page.evaluate("() => { window.benchSeen = {}; const look = () => document.querySelectorAll("
                    + "'li.cv-question p.cv-question-text').forEach(p => { if (!(p.textContent in window.benchSeen))"
                    + " window.benchSeen[p.textContent] = Date.now(); });"
                    + " new MutationObserver(look).observe(document.body, {childList: true, subtree: true, characterData: true}); }");
            headless.open(timer).get(60, TimeUnit.SECONDS);
            System.out.println("Chromium and the headless client have " + base + "/" + route + " open"
                    + (reader == null ? "" : ", both signed in as " + reader.email()) + "; the client's UI came "
                    + (VaadinPage.bootstrappedFromPage.get() > 0 ? "with the index.html (eager server load)"
                            : "from a v-r=init request"));

            QaLoad load = new QaLoad(http, httpPort, seed, 1, 4, questions, QaLoad.Votes.FRESH_UP, null);
            load.connect();
            load.start();
            Thread.sleep(questions * 1000L - 500);
            int asked = load.stop();
            // both must have every question and agree on the final counts, which votes still in flight change
            List<String> dom = List.of();
            List<String> client = List.of();
            List<String> domVotes = List.of();
            List<String> clientVotes = List.of();
            for (int wait = 0; wait < 30; wait++) {
                Thread.sleep(1000);
                dom = page.locator("li.cv-question p.cv-question-text").allTextContents();
                domVotes = page.locator("li.cv-question span.cv-vote-count").allTextContents();
                synchronized (headless) {
                    client = headless.tree.questionParts("cv-question-text");
                    clientVotes = headless.tree.questionParts("cv-vote-count");
                }
                if (dom.size() == asked && dom.equals(client) && domVotes.equals(clientVotes) && wait >= 3) {
                    break;
                }
            }
            List<String> domRows = rows(dom, domVotes);
            List<String> clientRows = rows(client, clientVotes);
            System.out.println("asked " + asked + " questions and cast " + load.votesAcknowledged.get() + " votes (acknowledged)");
            System.out.println("Chromium DOM   : " + domRows);
            System.out.println("headless client: " + clientRows);
            System.out.println("headless client saw these questions arrive: " + headlessSeen.keySet().stream().sorted().toList()
                    + "; UIDL messages " + VaadinPage.messages.get() + ", errors " + VaadinPage.errors.get()
                    + ", out of order " + VaadinPage.outOfOrder.get());
            @SuppressWarnings("unchecked")
            Map<String, Number> browserSeen = (Map<String, Number>) page.evaluate("() => window.benchSeen");
            List<String> arrivals = new ArrayList<>();
            for (var entry : headlessSeen.entrySet()) {
                Number browserAt = browserSeen.get(QaLoad.MARKER + entry.getKey());
                arrivals.add(QaLoad.MARKER + entry.getKey() + ": " + (browserAt == null ? "not in Chromium"
                        : (entry.getValue() - browserAt.longValue()) + " ms"));
            }
            System.out.println("arrival in the headless client minus arrival in Chromium's DOM: " + arrivals);
            same = domRows.size() == asked && domRows.equals(clientRows) && headlessSeen.size() == asked
                    && VaadinPage.errors.get() == 0;
            System.out.println(same ? "SAME: the headless client lists what Chromium shows" : "DIFFERENT");
            load.close();
            headless.close();
            browser.close();
        }
        timer.shutdownNow();
        System.exit(same ? 0 : 1);
    }

    private static List<String> rows(List<String> texts, List<String> votes) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(texts.get(i) + " (" + (i < votes.size() ? votes.get(i) : "?") + ")");
        }
        return rows;
    }
}
