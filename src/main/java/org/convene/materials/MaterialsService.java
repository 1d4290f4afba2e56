package org.convene.materials;

import org.convene.core.SaveResult;
import org.convene.core.TextRule;
import org.convene.core.security.ConveneUser;
import org.convene.core.security.CurrentUser;
import org.convene.programme.NoSuchSessionException;
import org.convene.programme.ProgrammePermissions;
import org.convene.programme.ProgrammeService;
import org.convene.programme.SessionDetail;
import org.convene.programme.WebAddresses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Slides, easy-read versions and handouts that a session's hosts share, each published when they choose.
 * Organisers and the session's host organisation add, change and remove them (checked here, whatever a page
 * showed); everyone who may see the session page sees the published ones.
 * <p>
 * For other features: {@link #publishedFor} (the agenda, now) and {@link #publishedBy} (a reminder written
 * ahead of its sending time) read published materials of many sessions in one query.
 */
@Service
@Transactional
public class MaterialsService {

    private static final Logger log = LoggerFactory.getLogger(MaterialsService.class);

    private final MaterialQueries materials;
    private final ProgrammePermissions permissions;
    private final ProgrammeService programme;
    private final CurrentUser currentUser;
    private final MaterialsProperties properties;
    private final Clock clock;

    MaterialsService(MaterialQueries materials, ProgrammePermissions permissions, ProgrammeService programme,
                     CurrentUser currentUser, MaterialsProperties properties, Clock clock) {
        this.materials = materials;
        this.permissions = permissions;
        this.programme = programme;
        this.currentUser = currentUser;
        this.properties = properties;
        this.clock = clock;
    }

    /** The largest file a host may upload, in bytes. */
    public int maxFileBytes() {
        return properties.maxBytes();
    }

    /** The session and all its materials, drafts too, for its hosts' page. */
    @Transactional(readOnly = true)
    public ManagedMaterials forManaging(long sessionId) {
        permissions.requireSession(sessionId);
        SessionDetail session = programme.session(sessionId).orElseThrow(() -> new NoSuchSessionException(sessionId));
        return new ManagedMaterials(session, materials.forSession(sessionId), clock.instant());
    }

    public SaveResult<Material> add(long sessionId, MaterialDraft draft) {
        ConveneUser user = permissions.requireSession(sessionId);
        Map<String, String> problems = new LinkedHashMap<>();
        MaterialKind kind = draft.kind();
        if (kind == null) {
            problems.put(MaterialDraft.KIND, "Choose what kind of material this is");
        }
        String title = checkTitle(draft.title(), problems);
        MaterialQueries.StoredFile file = null;
        String address = null;
        MaterialDraft.UploadedFile uploaded = draft.file();
        if (uploaded != null) {
            file = checkFile(uploaded, problems);
        } else if (draft.webAddress() != null) {
            address = checkAddress(draft.webAddress(), problems);
        } else {
            problems.put(MaterialDraft.FILE, "Choose a file to upload, or give a web address instead");
        }
        if (!problems.isEmpty() || kind == null) {
            return new SaveResult.Invalid<>(problems);
        }
        Instant now = clock.instant();
        Instant publishAt = publishAt(sessionId, draft.publication(), now);
        long id = materials.insert(sessionId, kind, title, draft.publication(), publishAt, address, file, user.id(), now);
        log.info("Material {} added to session {} by user {}", id, sessionId, user.id());
        return new SaveResult.Saved<>(require(id));
    }

    /** Changes what a material is called and when it is published; its file or address stays. */
    public SaveResult<Material> change(long materialId, @Nullable MaterialKind kind, @Nullable String title,
                                       Publication publication) {
        Material before = managed(materialId);
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null) {
            problems.put(MaterialDraft.KIND, "Choose what kind of material this is");
        }
        String checkedTitle = checkTitle(title, problems);
        if (!problems.isEmpty() || kind == null) {
            return new SaveResult.Invalid<>(problems);
        }
        // "now" chosen again keeps the moment it was first published
        Instant publishAt = before.publication() == Publication.NOW && publication == Publication.NOW
                ? before.publishAt() : publishAt(before.sessionId(), publication, clock.instant());
        materials.update(materialId, kind, checkedTitle, publication, publishAt);
        return new SaveResult.Saved<>(require(materialId));
    }

    public void remove(long materialId) {
        Material material = managed(materialId);
        materials.delete(materialId);
        log.info("Material {} removed from session {} by user {}", materialId, material.sessionId(),
                currentUser.require().id());
    }

    /** The session's published materials, for its page. */
    @Transactional(readOnly = true)
    public List<Material> published(long sessionId) {
        return materials.publishedBy(List.of(sessionId), clock.instant());
    }

    /** The published materials of these sessions now, by session id; sessions without any are left out. */
    @Transactional(readOnly = true)
    public Map<Long, List<Material>> publishedFor(Collection<Long> sessionIds) {
        return publishedBy(sessionIds, clock.instant());
    }

    /**
     * The materials of these sessions that are published by {@code at}, by session id (sessions without any are
     * left out): for a message written now and sent at {@code at}, such as the day-before reminder. Link to a
     * material with {@code PublicBaseUrl.link(material.href())} for a file, or its web address as it is.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Material>> publishedBy(Collection<Long> sessionIds, Instant at) {
        return materials.publishedBy(sessionIds, at).stream()
                .collect(Collectors.groupingBy(Material::sessionId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * A file to download: published, or the caller may manage its session. Empty for anything else (no such
     * material, a web address, a draft), so a draft's existence is not given away.
     */
    @Transactional(readOnly = true)
    public Optional<MaterialFile> download(long materialId) {
        return materials.find(materialId)
                .filter(Material::isFile)
                .filter(m -> m.publishedAt(clock.instant()) || mayManage(m.sessionId()))
                .flatMap(m -> materials.content(materialId).map(bytes -> new MaterialFile(m, bytes)));
    }

    /** Whether the signed-in person may add and change this session's materials (for showing the way there). */
    @Transactional(readOnly = true)
    public boolean mayManage(long sessionId) {
        return currentUser.get().map(user -> permissions.mayManageSession(user, sessionId)).orElse(false);
    }

    private Material managed(long materialId) {
        Material material = materials.find(materialId).orElseThrow(
                () -> new AccessDeniedException("This material has been removed, or you may not change it."));
        permissions.requireSession(material.sessionId());
        return material;
    }

    private Material require(long id) {
        return materials.find(id).orElseThrow(() -> new IllegalStateException("a material just written is there"));
    }

    private @Nullable Instant publishAt(long sessionId, Publication publication, Instant now) {
        if (publication == Publication.HIDDEN) {
            return null;
        }
        return materials.publishAt(sessionId, publication, now).orElseThrow(() -> new NoSuchSessionException(sessionId));
    }

    private static String checkTitle(@Nullable String title, Map<String, String> problems) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            problems.put(MaterialDraft.TITLE, "Enter a title, like “Slides” or “Easy read guide”");
        } else if (trimmed.length() > MaterialLimits.TITLE_MAX) {
            problems.put(MaterialDraft.TITLE, "Title must be " + MaterialLimits.TITLE_MAX + " characters or fewer");
        } else {
            TextRule.problem("The title", trimmed, TextRule.Lines.ONE)
                    .ifPresent(message -> problems.put(MaterialDraft.TITLE, message));
        }
        return trimmed;
    }

    private MaterialQueries.@Nullable StoredFile checkFile(MaterialDraft.UploadedFile file,
                                                           Map<String, String> problems) {
        byte[] bytes = file.bytes();
        if (bytes.length == 0) {
            problems.put(MaterialDraft.FILE, "The file you chose is empty. Choose another file");
            return null;
        }
        if (bytes.length > maxFileBytes()) {
            problems.put(MaterialDraft.FILE, "The file must be " + FileNames.sizeInWords(maxFileBytes())
                    + " or smaller. Make it smaller, or share it as a web address");
            return null;
        }
        Optional<FileType> type = FileSniffer.sniff(bytes);
        if (type.isEmpty()) {
            problems.put(MaterialDraft.FILE, "The file must be a " + FileType.allowedInWords()
                    + ". Save it as one of these and try again");
            return null;
        }
        return new MaterialQueries.StoredFile(type.get(), FileNames.stored(file.name()), bytes);
    }

    private static @Nullable String checkAddress(@Nullable String address, Map<String, String> problems) {
        String trimmed = address == null ? "" : address.strip();
        if (trimmed.isEmpty()) {
            problems.put(MaterialDraft.WEB_ADDRESS, "Enter the web address, or upload a file instead");
            return null;
        }
        if (!trimmed.startsWith("https://") || !WebAddresses.isValid(trimmed)) {
            problems.put(MaterialDraft.WEB_ADDRESS, "Enter a web address starting with https://, "
                    + "like https://example.org/slides");
            return null;
        }
        return trimmed;
    }
}
