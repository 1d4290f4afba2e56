package org.convene.bench;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Just enough of Vaadin Flow's client-side state tree to know what a page shows: each state node's tag, its
 * children in order, its class names and, for text nodes, the text. Everything else in a UIDL message
 * (properties, attributes, listeners, JavaScript to run) is skipped. Node features as numbered by Flow's
 * {@code NodeFeatures}: 0 element data (tag), 2 children, 7 text node, 8 poll configuration, 11 class list.
 */
final class UidlTree {

    private static final int ELEMENT_DATA = 0;
    private static final int ELEMENT_PROPERTIES = 1;
    private static final int ELEMENT_CHILDREN = 2;
    private static final int ELEMENT_LISTENERS = 4;
    private static final int TEXT_NODE = 7;
    private static final int POLL_CONFIGURATION = 8;
    private static final int CLASS_LIST = 11;
    private static final String[] NO_CLASSES = new String[0];

    static final class Node {
        String tag;
        /** The constant (event data to send) of the element's "click" listener, if it has one. */
        String clickListener;
        String text;
        /** An element's innerHTML property: the session page writes each question's words this way. */
        String html;
        int parent = -1;
        int[] children;
        int childCount;
        String[] classes = NO_CLASSES;

        boolean hasClass(String name) {
            for (String c : classes) {
                if (c.equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    private Node[] nodes = new Node[256];
    /** The messages' "constants": event data expressions of listeners, by hash. */
    private final java.util.Map<String, JsonNode> constants = new java.util.HashMap<>();
    /** The UI's poll interval in ms as the server set it; -1 for none. */
    int pollInterval = -1;

    Node node(int id) {
        return id >= 0 && id < nodes.length ? nodes[id] : null;
    }

    private Node getOrCreate(int id) {
        if (id >= nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(id + 1, nodes.length * 2));
        }
        Node n = nodes[id];
        if (n == null) {
            n = new Node();
            nodes[id] = n;
        }
        return n;
    }

    /** Keeps a message's "constants" (listeners refer to them by hash). */
    void constants(JsonNode map) {
        map.properties().forEach(e -> constants.put(e.getKey(), e.getValue()));
    }

    /**
     * The event data a browser sends with a click on this element: every expression its listener asks for, with
     * the values of a plain left click (numbers 0, flags false, detail 1).
     */
    String clickData(Node element) {
        JsonNode expressions = element.clickListener == null ? null : constants.get(element.clickListener);
        StringBuilder data = new StringBuilder("{");
        if (expressions != null) {
            for (var e : expressions.properties()) {
                String key = e.getKey();
                if (!key.startsWith("event.") && !key.startsWith("element.")) {
                    continue; // debounce settings and the like
                }
                String value = key.endsWith("Key") ? "false" : key.equals("event.detail") ? "1" : "0";
                data.append(data.length() > 1 ? "," : "").append('"').append(key.replace("\"", "\\\"")).append("\":").append(value);
            }
        }
        return data.append('}').toString();
    }

    /** Applies a message's "changes"; tells of every text node whose text was set. */
    void apply(JsonNode changes, IntConsumer textChanged) {
        // told once the whole message is applied: a new node's class names may come after its text or HTML
        List<Integer> changed = new ArrayList<>();
        applyChanges(changes, changed::add);
        changed.forEach(textChanged::accept);
    }

    private void applyChanges(JsonNode changes, IntConsumer textChanged) {
        for (JsonNode change : changes) {
            int id = change.path("node").asInt();
            String type = change.path("type").asString("");
            int feature = change.path("feat").asInt(-1);
            switch (type) {
                case "attach" -> getOrCreate(id);
                case "detach" -> {
                    if (id < nodes.length) {
                        nodes[id] = null;
                    }
                }
                case "put" -> {
                    String key = change.path("key").asString("");
                    if (feature == ELEMENT_DATA && key.equals("tag")) {
                        getOrCreate(id).tag = change.path("value").asString("");
                    } else if (feature == TEXT_NODE && key.equals("text")) {
                        getOrCreate(id).text = change.path("value").asString("");
                        textChanged.accept(id);
                    } else if (feature == ELEMENT_PROPERTIES && key.equals("innerHTML")) {
                        getOrCreate(id).html = change.path("value").asString("");
                        textChanged.accept(id);
                    } else if (feature == ELEMENT_LISTENERS && key.equals("click")) {
                        getOrCreate(id).clickListener = change.path("value").asString(null);
                    } else if (feature == POLL_CONFIGURATION && key.equals("pollInterval")) {
                        pollInterval = change.path("value").asInt(-1);
                    }
                }
                case "splice" -> {
                    if (feature == ELEMENT_CHILDREN) {
                        spliceChildren(getOrCreate(id), id, change);
                    } else if (feature == CLASS_LIST) {
                        spliceClasses(getOrCreate(id), change);
                    }
                }
                case "clear" -> {
                    if (feature == ELEMENT_CHILDREN) {
                        Node n = getOrCreate(id);
                        for (int i = 0; i < n.childCount; i++) {
                            orphan(n.children[i], id);
                        }
                        n.childCount = 0;
                    } else if (feature == CLASS_LIST) {
                        getOrCreate(id).classes = NO_CLASSES;
                    }
                }
                default -> {
                    // "remove" of map keys and "empty" changes do not touch what is tracked
                }
            }
        }
    }

    private void spliceChildren(Node n, int id, JsonNode change) {
        int index = change.path("index").asInt();
        int remove = change.path("remove").asInt(0);
        JsonNode add = change.path("addNodes");
        if (n.children == null) {
            n.children = new int[Math.max(4, add.size())];
        }
        index = Math.min(index, n.childCount);
        remove = Math.min(remove, n.childCount - index);
        for (int i = index; i < index + remove; i++) {
            orphan(n.children[i], id);
        }
        int added = add.size();
        int newCount = n.childCount - remove + added;
        if (newCount > n.children.length) {
            n.children = Arrays.copyOf(n.children, Math.max(newCount, n.children.length * 2));
        }
        System.arraycopy(n.children, index + remove, n.children, index + added, n.childCount - index - remove);
        for (int i = 0; i < added; i++) {
            int child = add.get(i).asInt();
            n.children[index + i] = child;
            getOrCreate(child).parent = id;
        }
        n.childCount = newCount;
    }

    private void orphan(int child, int parent) {
        Node c = node(child);
        if (c != null && c.parent == parent) {
            c.parent = -1;
        }
    }

    private static void spliceClasses(Node n, JsonNode change) {
        List<String> classes = new ArrayList<>(Arrays.asList(n.classes));
        int index = Math.min(change.path("index").asInt(), classes.size());
        int remove = Math.min(change.path("remove").asInt(0), classes.size() - index);
        classes.subList(index, index + remove).clear();
        List<String> added = new ArrayList<>();
        for (JsonNode c : change.path("add")) {
            added.add(c.asString());
        }
        classes.addAll(index, added);
        n.classes = classes.toArray(NO_CLASSES);
    }

    Node child(Node n, int i) {
        return i < n.childCount ? node(n.children[i]) : null;
    }

    /** The text of an element whose only content is one text node (Flow's setText), or null. */
    String textOf(Node element) {
        if (element != null && element.html != null) {
            return element.html;
        }
        if (element == null || element.childCount == 0) {
            return null;
        }
        Node t = child(element, 0);
        return t == null ? null : t.text;
    }

    /** A descendant element with this tag whose text is exactly this, or null. */
    Node findWithText(Node from, String tag, String text) {
        if (from == null) {
            return null;
        }
        for (int i = 0; i < from.childCount; i++) {
            Node c = child(from, i);
            if (c == null) {
                continue;
            }
            if (tag.equals(c.tag) && text.equals(textOf(c))) {
                return c;
            }
            Node found = findWithText(c, tag, text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The node id of an element of this tree. */
    int idOf(Node element) {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] == element) {
                return i;
            }
        }
        return -1;
    }

    /** Every element with this class, in node id order. */
    List<Node> findAll(String className) {
        List<Node> found = new ArrayList<>();
        for (Node n : nodes) {
            if (n != null && n.hasClass(className)) {
                found.add(n);
            }
        }
        return found;
    }

    /** The element with this tag and class that has the lowest node id (the UI's body reaches its content through
     *  virtual children, which this tree does not follow, so every node is looked at). */
    /** The element with this tag that has the lowest node id, or null. */
    Node find(String tag) {
        for (Node n : nodes) {
            if (n != null && tag.equals(n.tag)) {
                return n;
            }
        }
        return null;
    }

    Node find(String tag, String className) {
        for (Node n : nodes) {
            if (n != null && tag.equals(n.tag) && n.hasClass(className)) {
                return n;
            }
        }
        return null;
    }

    Node find(Node from, String tag, String className, int depth) {
        if (from == null || depth > 200) {
            return null;
        }
        if ((tag.equals("*") || tag.equals(from.tag)) && from.hasClass(className)) {
            return from;
        }
        for (int i = 0; i < from.childCount; i++) {
            Node found = find(child(from, i), tag, className, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * For each question in the public list, in the order shown ({@code ol.cv-questions > li.cv-question}), the
     * text of its first descendant with this class, e.g. "cv-question-text" or "cv-vote-count", as the DOM has it.
     */
    List<String> questionParts(String className) {
        if (questions.seq >= 0) {
            return questions.parts(className);
        }
        List<String> texts = new ArrayList<>();
        Node list = find("ol", "cv-questions");
        if (list == null) {
            return texts;
        }
        for (int i = 0; i < list.childCount; i++) {
            Node li = child(list, i);
            if (li != null && li.hasClass("cv-question")) {
                Node part = find(li, "*", className, 0);
                if (part == null && className.equals("cv-question-text")) {
                    texts.add(questionText(li));
                } else {
                    texts.add(part == null ? null : textOf(part));
                }
            }
        }
        return texts;
    }

    /** For a text node inside {@code li.cv-question p.cv-question-text}: that item; else null. */
    Node questionItemOfText(int textNode) {
        Node t = node(textNode);
        if (t != null && t.html != null && t.hasClass("cv-question-body")) {
            Node li = node(t.parent);
            return li != null && li.hasClass("cv-question") ? li : null;
        }
        Node p = t == null ? null : node(t.parent);
        if (p == null || !"p".equals(p.tag) || !p.hasClass("cv-question-text")) {
            return null;
        }
        Node li = node(p.parent);
        return li != null && li.hasClass("cv-question") ? li : null;
    }

    /** For a text node inside {@code li.cv-question span.cv-vote-count}: that item; else null. */
    Node questionItemOfVoteCount(int textNode) {
        Node t = node(textNode);
        // the count is the span's HTML now (a text node inside it before)
        Node span = t != null && t.html != null ? t : t == null ? null : node(t.parent);
        if (span == null || !span.hasClass("cv-vote-count")) {
            return null;
        }
        // in the item itself, or in its vote row (next to a vote button)
        Node parent = node(span.parent);
        Node li = parent != null && parent.hasClass("cv-question") ? parent : parent == null ? null : node(parent.parent);
        return li != null && li.hasClass("cv-question") ? li : null;
    }

    /** The question text of an item. */
    String questionText(Node li) {
        for (int j = 0; j < li.childCount; j++) {
            Node p = child(li, j);
            if (p != null && p.hasClass("cv-question-text")) {
                return textOf(p);
            }
            if (p != null && p.html != null && p.hasClass("cv-question-body")) {
                return htmlPart(p.html, "cv-question-text");
            }
        }
        return null;
    }

    /** The text of the first {@code <p class="...">} of this class in an innerHTML, unescaped, or null. */
    static String htmlPart(String html, String className) {
        String start = "<p class=\"" + className + "\">";
        int from = html.indexOf(start);
        if (from < 0) {
            return null;
        }
        from += start.length();
        int to = html.indexOf("</p>", from);
        return to < 0 ? null : html.substring(from, to).replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The item's list, when it is in the public list ({@code ol.cv-questions}). */
    boolean inPublicList(Node li) {
        Node ol = node(li.parent);
        return ol != null && "ol".equals(ol.tag) && ol.hasClass("cv-questions");
    }

    /** The public list as the session page's {@code convene-questions} element draws it from the changes it is sent. */
    final Questions questions = new Questions();

    static final class Questions {
        private final java.util.Map<Long, String[]> items = new java.util.HashMap<>();
        private List<Long> order = new ArrayList<>();
        int seq = -1;

        interface Seen {
            void text(String text);

            void count(String questionText, String count);

            /** A question came into the list (its text known) or left it. */
            default void listed(String text, boolean listed) {
            }
        }

        /** Applies one change as the element does; false when it does not follow what is shown (resend needed). */
        boolean apply(JsonNode change, Seen seen) {
            boolean full = change.path("full").asBoolean(false);
            if (!full && change.path("base").asInt(-2) != seq) {
                seq = -1;
                return false;
            }
            if (full) {
                items.values().forEach(item -> leave(item, seen));
                items.clear();
                order.clear();
            }
            for (JsonNode id : change.path("remove")) {
                leave(items.remove(id.asLong()), seen);
                order.remove(Long.valueOf(id.asLong()));
            }
            for (JsonNode values : change.path("items")) {
                long id = values.path("id").asLong();
                String[] item = items.get(id);
                if (item == null) {
                    item = new String[2];
                    items.put(id, item);
                    order.add(id);
                }
                if (values.has("html")) {
                    String text = htmlPart(values.path("html").asString(""), "cv-question-text");
                    boolean first = item[0] == null;
                    item[0] = text;
                    if (first && text != null) {
                        seen.text(text);
                        seen.listed(text, true);
                    }
                }
                if (values.has("count")) {
                    item[1] = values.path("count").asString("");
                    if (item[0] != null) {
                        seen.count(item[0], item[1]);
                    }
                }
            }
            if (change.has("order")) {
                List<Long> wanted = new ArrayList<>();
                change.path("order").forEach(id -> wanted.add(id.asLong()));
                order = wanted;
            }
            seq = change.path("seq").asInt();
            return true;
        }

        private static void leave(String[] item, Seen seen) {
            if (item != null && item[0] != null) {
                seen.listed(item[0], false);
            }
        }

        List<String> parts(String className) {
            return order.stream().map(id -> items.get(id)[className.equals("cv-vote-count") ? 1 : 0]).toList();
        }
    }
}
