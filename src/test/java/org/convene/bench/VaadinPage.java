package org.convene.bench;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One open Vaadin page without a browser: the requests Chromium makes for a server-side route of Vaadin 25 with
 * {@code @Push} (websocket from the server, XHR to it), watched with Playwright and replayed here:
 * <ol>
 * <li>{@code GET /sessions/7}: the index.html (and the session cookie). With {@code vaadin.eagerServerLoad} the
 * server has already created the UI and run the navigation: the page carries
 * {@code window.Vaadin.TypeScript= {"initial":{"appConfig":...}}} with {@code v-uiId}, the heartbeat interval and
 * the first UIDL ({@code Vaadin-Security-Key}, {@code Vaadin-Push-ID}, syncId 0, the view already built);</li>
 * <li>only when the page carries no initial state (a build without eager server load):
 * {@code GET /?v-r=init&location=sessions%2F7&query=&v-sh=...}, the same JSON {@code appConfig} from a second
 * request that creates the UI;</li>
 * <li>the push websocket {@code /VAADIN/push?v-r=push&v-uiId=0&v-pushId=...&X-Atmosphere-...}: Atmosphere
 * frames {@code "length|payload"}, first its handshake {@code "uuid|0|X|"}, then UIDL messages;</li>
 * <li>{@code POST /?v-r=uidl&v-uiId=0} with the {@code ui-navigate} event, which the browser's router sends in
 * both cases: without eager load the answer builds the view, with it the server only answers
 * {@code serverConnected} (the view came with the index.html);</li>
 * <li>then a {@code ui-poll} event at the UI's poll interval and {@code POST /?v-r=heartbeat} at the heartbeat
 * interval, as the browser does.</li>
 * </ol>
 * UIDL messages are applied in syncId order to a {@link UidlTree}; the page tells its {@link Watcher} when a
 * question's text or a vote count arrives in the public list.
 */
final class VaadinPage implements WebSocket.Listener {

    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/156.0.0.0 Safari/537.36";
    private static final Pattern VOTES = Pattern.compile("(\\d+) votes?");
    /** Where Flow's IndexHtmlRequestHandler puts the eagerly loaded UI's initial state into the page. */
    private static final String INITIAL_STATE = "window.Vaadin.TypeScript=";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    /** How long a message waits for an earlier syncId before the page gives up on it (the client's default). */
    private static final long MAX_SUSPEND_NANOS = TimeUnit.SECONDS.toNanos(5);

    interface Watcher {
        /** A question's text is in the page's public list for the first time. */
        void question(VaadinPage page, int marker, long nanos);

        /** A question's vote count in the public list now reads this. */
        void votes(VaadinPage page, int marker, int count, long nanos);

        /** A question came into the page's public list or left it (the list shows at most 20). */
        default void listed(VaadinPage page, int marker, boolean listed, long nanos) {
        }

        /** A message was applied (with the page locked): for watchers that look at the whole tree. */
        default void applied(VaadinPage page, long nanos) {
        }
    }

    /** Problems counted over all pages. */
    static final AtomicLong errors = new AtomicLong();
    static final AtomicLong outOfOrder = new AtomicLong();
    static final AtomicLong closedSockets = new AtomicLong();
    static final AtomicLong messages = new AtomicLong();
    static final AtomicLong polls = new AtomicLong();
    /** Pages whose UI came with their index.html (eager server load) rather than from a v-r=init request. */
    static final AtomicLong bootstrappedFromPage = new AtomicLong();
    /** Characters of UIDL received, pushed and in answers. */
    static final AtomicLong characters = new AtomicLong();

    final int index;
    private final HttpClient http;
    private final String base;
    private final String route;
    private final Watcher watcher;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    final UidlTree tree = new UidlTree();
    private final BitSet seenQuestions = new BitSet();
    private String uiId;
    private String csrfToken;
    private int heartbeatSeconds;
    private int nextSyncId;
    private int lastSyncId = -1;
    private int clientId;
    private final TreeMap<Integer, Pending> pending = new TreeMap<>();
    private boolean requestInFlight;
    private final java.util.ArrayDeque<Map.Entry<String, CompletableFuture<Void>>> queued = new java.util.ArrayDeque<>();
    private WebSocket socket;
    private final StringBuilder pushBuffer = new StringBuilder();
    volatile boolean open;

    private record Pending(JsonNode message, long nanos) {
    }

    VaadinPage(int index, HttpClient http, String base, String route, Watcher watcher) {
        this.index = index;
        this.http = http;
        this.base = base;
        this.route = route;
        this.watcher = watcher;
    }

    /** Signs in through Spring Security's form log-in, as the log-in page's form does. */
    CompletableFuture<Void> signIn(String email, String password) {
        return get(base + "/login").thenCompose(html -> {
            Matcher csrf = CSRF_META.matcher(html);
            if (!csrf.find()) {
                throw new IllegalStateException("no CSRF token on /login");
            }
            String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
            return send(request(base + "/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }).thenAccept(response -> {
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("log-in refused: " + response.statusCode() + " " + location);
            }
        });
    }

    /**
     * Opens the page: index.html (with the UI's initial state in it, or else the init request for it), the push
     * socket, then the navigation event the browser's router sends.
     */
    CompletableFuture<Void> open(ScheduledExecutorService timer) {
        return get(base + "/" + route)
                .thenCompose(html -> {
                    JsonNode initial = initialState(html);
                    if (initial != null) {
                        bootstrappedFromPage.incrementAndGet();
                        return CompletableFuture.completedFuture(initial);
                    }
                    return get(initUrl()).thenApply(json -> JsonMapper.shared().readTree(json));
                })
                .thenCompose(response -> {
                    JsonNode appConfig = response.path("appConfig");
                    uiId = appConfig.path("v-uiId").asString();
                    heartbeatSeconds = appConfig.path("heartbeatInterval").asInt(300);
                    JsonNode uidl = appConfig.path("uidl");
                    csrfToken = uidl.path("Vaadin-Security-Key").asString();
                    String pushId = uidl.path("Vaadin-Push-ID").asString();
                    received(uidl, System.nanoTime());
                    String push = base.replaceFirst("^http", "ws") + "/VAADIN/push?v-r=push&v-uiId=" + uiId
                            + "&v-pushId=" + pushId + "&X-Atmosphere-tracking-id=0&X-Atmosphere-Framework=4.0.1"
                            + "&X-Atmosphere-Transport=websocket&X-Atmosphere-TrackMessageSize=true"
                            + "&Content-Type=application/json;%20charset=UTF-8&X-atmo-protocol=true"
                            + "&X-Vaadin-LastSeenServerSyncId=" + lastSyncId;
                    return http.newWebSocketBuilder().header("Cookie", cookieHeader()).header("User-Agent", USER_AGENT)
                            .connectTimeout(Duration.ofSeconds(60)).buildAsync(URI.create(push), this);
                })
                .thenCompose(ws -> {
                    socket = ws;
                    return rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"/" + route
                            + "\",\"query\":\"\",\"appShellTitle\":\"Convene\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
                })
                .thenRun(() -> {
                    open = true;
                    int poll = tree.pollInterval;
                    if (poll > 0) {
                        timer.scheduleAtFixedRate(this::poll, poll, poll, TimeUnit.MILLISECONDS);
                    }
                    timer.scheduleAtFixedRate(this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
                });
    }

    /**
     * The {@code {"appConfig":...}} the server put into the index.html when it loaded the UI eagerly (what
     * Flow.js's {@code flowInitUi} takes instead of asking {@code v-r=init}), or null when the page has none.
     * Read up to the end of the object; the script's {@code ;</script>} and the rest of the page come after it.
     */
    static JsonNode initialState(String html) {
        int at = html.indexOf(INITIAL_STATE);
        if (at < 0) {
            return null;
        }
        JsonNode initial = JsonMapper.shared().readerFor(JsonNode.class)
                .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .<JsonNode>readValue(html.substring(at + INITIAL_STATE.length())).path("initial");
        return initial.path("appConfig").isObject() ? initial : null;
    }

    private String initUrl() {
        return base + "/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query="
                + "&v-sh=720&v-sw=1280&v-wh=720&v-ww=1280&v-bh=720&v-bw=1280&v-curdate=" + System.currentTimeMillis()
                + "&v-tzo=0&v-dstd=0&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-" + ThreadLocalRandom.current().nextDouble()
                + "&v-td=false&v-pr=1&v-np=Linux%20x86_64&v-cs=light&v-pv=VISIBLE&v-fs=NOT_FULLSCREEN"
                + "&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=PROMPT&v-wla=SUPPORTED&v-ws=false";
    }

    /** The browser's poll: a ui-poll event on the UI, unless a request is already on its way. */
    private void poll() {
        if (!open) {
            return;
        }
        synchronized (this) {
            if (requestInFlight) {
                return;
            }
        }
        giveUpWaiting();
        polls.incrementAndGet();
        rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-poll\"}");
    }

    private void heartbeat() {
        if (open) {
            send(request(base + "/?v-r=heartbeat&v-uiId=" + uiId).POST(HttpRequest.BodyPublishers.noBody()).build());
        }
    }

    /**
     * One UIDL request with these RPC invocations; its answer is applied like a pushed message. As in the
     * browser, one request at a time: one asked for meanwhile waits for the answer to the one before.
     */
    CompletableFuture<Void> rpc(String invocations) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        synchronized (this) {
            if (requestInFlight) {
                queued.add(Map.entry(invocations, done));
                return done;
            }
            requestInFlight = true;
        }
        sendRpc(invocations, done);
        return done;
    }

    private void sendRpc(String invocations, CompletableFuture<Void> done) {
        String body;
        synchronized (this) {
            body = "{\"csrfToken\":\"" + csrfToken + "\",\"rpc\":[" + invocations + "],\"syncId\":" + lastSyncId
                    + ",\"clientId\":" + clientId++ + "}";
        }
        send(request(base + "/?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("UIDL request answered " + response.statusCode());
                    }
                    received(parse(response.body()), System.nanoTime());
                })
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        errors.incrementAndGet();
                    }
                    Map.Entry<String, CompletableFuture<Void>> next;
                    synchronized (this) {
                        next = queued.poll();
                        requestInFlight = next != null;
                    }
                    if (failure != null) {
                        done.completeExceptionally(failure);
                    } else {
                        done.complete(null);
                    }
                    if (next != null) {
                        sendRpc(next.getKey(), next.getValue());
                    }
                });
    }

    private static JsonNode parse(String text) {
        characters.addAndGet(text.length());
        String json = text.startsWith("for(;;);") ? text.substring(8) : text;
        JsonNode node = JsonMapper.shared().readTree(json);
        return node.isArray() ? node.get(0) : node;
    }

    /** A UIDL message from a response or the push socket: applied in syncId order. */
    private synchronized void received(JsonNode message, long nanos) {
        messages.incrementAndGet();
        if (message.path("meta").path("sessionExpired").asBoolean(false)) {
            errors.incrementAndGet();
            open = false;
            return;
        }
        JsonNode sync = message.get("syncId");
        if (sync == null) {
            apply(message, nanos);
            return;
        }
        int id = sync.asInt();
        if (id < nextSyncId) {
            return; // already applied
        }
        pending.put(id, new Pending(message, nanos));
        drain();
        giveUpWaiting();
    }

    /** A message held back for an earlier one that has not come for 5 s is applied anyway (and counted). */
    synchronized void giveUpWaiting() {
        if (!pending.isEmpty() && System.nanoTime() - pending.firstEntry().getValue().nanos() > MAX_SUSPEND_NANOS) {
            // the real client would ask for a resynchronisation here; counted, then applied as it is
            outOfOrder.incrementAndGet();
            nextSyncId = pending.firstKey();
            drain();
        }
    }

    private void drain() {
        while (!pending.isEmpty() && pending.firstKey() == nextSyncId) {
            Pending p = pending.pollFirstEntry().getValue();
            lastSyncId = nextSyncId;
            nextSyncId++;
            apply(p.message(), Math.max(p.nanos(), System.nanoTime()));
        }
    }

    private void apply(JsonNode message, long nanos) {
        JsonNode constants = message.get("constants");
        if (constants != null) {
            tree.constants(constants);
        }
        JsonNode changes = message.get("changes");
        if (changes != null) {
            // looked at once every change of the message is in: a new item's parts come in any order
            java.util.List<Integer> texts = new java.util.ArrayList<>();
            tree.apply(changes, texts::add);
            for (int textNode : texts) {
                textChanged(textNode, nanos);
            }
        }
        JsonNode execute = message.get("execute");
        if (execute != null) {
            for (JsonNode invocation : execute) {
                JsonNode change = questionListChange(invocation);
                if (change != null && !tree.questions.apply(change, new UidlTree.Questions.Seen() {
                    @Override
                    public void text(String text) {
                        questionSeen(text, nanos);
                    }

                    @Override
                    public void count(String questionText, String count) {
                        countSeen(questionText, count, nanos);
                    }

                    @Override
                    public void listed(String text, boolean listed) {
                        int marker = marker(text);
                        if (marker >= 0) {
                            watcher.listed(VaadinPage.this, marker, listed, nanos);
                        }
                    }
                })) {
                    // as the element does: a change that does not follow what it shows asks for the whole list
                    outOfOrder.incrementAndGet();
                    UidlTree.Node list = tree.find("convene-questions");
                    if (list != null) {
                        int node = tree.idOf(list);
                        rpc("{\"type\":\"event\",\"node\":" + node + ",\"event\":\"cv-questions-resend\",\"data\":{}}");
                    }
                }
            }
        }
        if (changes != null || execute != null) {
            watcher.applied(this, nanos);
        }
    }

    /** The change a JavaScript invocation carries for the session page's question list, or null. */
    private static JsonNode questionListChange(JsonNode invocation) {
        if (!invocation.isArray() || invocation.isEmpty()
                || !invocation.get(invocation.size() - 1).asString("").contains("this.apply")) {
            return null;
        }
        for (JsonNode parameter : invocation) {
            if (parameter.isObject() && parameter.has("seq")) {
                return parameter;
            }
        }
        return null;
    }

    /** A click on an element, as the browser reports it to the server. */
    CompletableFuture<Void> click(UidlTree.Node element) {
        String rpc;
        synchronized (this) {
            rpc = "{\"type\":\"event\",\"node\":" + tree.idOf(element) + ",\"event\":\"click\",\"data\":"
                    + tree.clickData(element) + "}";
        }
        return rpc(rpc);
    }

    private void questionSeen(String text, long nanos) {
        int marker = marker(text);
        if (marker >= 0 && !seenQuestions.get(marker)) {
            seenQuestions.set(marker);
            watcher.question(this, marker, nanos);
        }
    }

    private void countSeen(String questionText, String count, long nanos) {
        int marker = marker(questionText);
        Matcher m = VOTES.matcher(count);
        if (marker >= 0 && m.matches()) {
            watcher.votes(this, marker, Integer.parseInt(m.group(1)), nanos);
        }
    }

    private void textChanged(int textNode, long nanos) {
        UidlTree.Node li = tree.questionItemOfText(textNode);
        if (li != null) {
            int marker = marker(tree.questionText(li));
            if (marker >= 0 && tree.inPublicList(li) && !seenQuestions.get(marker)) {
                seenQuestions.set(marker);
                watcher.question(this, marker, nanos);
            }
            return;
        }
        li = tree.questionItemOfVoteCount(textNode);
        if (li != null && tree.inPublicList(li)) {
            int marker = marker(tree.questionText(li));
            UidlTree.Node count = tree.node(textNode);
            Matcher m = VOTES.matcher(count.html != null ? count.html : count.text);
            if (marker >= 0 && m.matches()) {
                watcher.votes(this, marker, Integer.parseInt(m.group(1)), nanos);
            }
        }
    }

    private static int marker(String text) {
        if (text == null || !text.startsWith(QaLoad.MARKER)) {
            return -1;
        }
        try {
            return Integer.parseInt(text.substring(QaLoad.MARKER.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- the push socket: Atmosphere's "length|message" framing --------------------------------------------------

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        pushBuffer.append(data);
        while (true) {
            int bar = pushBuffer.indexOf("|");
            if (bar < 0) {
                break;
            }
            int length;
            try {
                length = Integer.parseInt(pushBuffer.substring(0, bar).trim());
            } catch (NumberFormatException e) {
                errors.incrementAndGet();
                pushBuffer.setLength(0);
                break;
            }
            if (pushBuffer.length() - bar - 1 < length) {
                break;
            }
            String payload = pushBuffer.substring(bar + 1, bar + 1 + length);
            pushBuffer.delete(0, bar + 1 + length);
            // the first message is Atmosphere's handshake "trackingId|heartbeat|padding|"; "X" would be a heartbeat
            if (payload.startsWith("{") || payload.startsWith("for(;;);")) {
                try {
                    received(parse(payload), now);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (open) {
            closedSockets.incrementAndGet();
        }
        open = false;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (open) {
            closedSockets.incrementAndGet();
        }
        open = false;
    }

    void close() {
        open = false;
        if (socket != null) {
            socket.abort();
        }
    }

    // ---- HTTP with this page's cookies -------------------------------------------------------------------------

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("User-Agent", USER_AGENT);
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private CompletableFuture<String> get(String url) {
        return send(request(url).GET().build()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        });
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            for (String set : response.headers().allValues("Set-Cookie")) {
                int eq = set.indexOf('=');
                int end = set.indexOf(';');
                synchronized (cookies) {
                    cookies.put(set.substring(0, eq), set.substring(eq + 1, end < 0 ? set.length() : end));
                }
            }
            return response;
        });
    }

    private String cookieHeader() {
        StringBuilder b = new StringBuilder();
        synchronized (cookies) {
            cookies.forEach((name, value) -> b.append(b.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        }
        return b.toString();
    }
}
