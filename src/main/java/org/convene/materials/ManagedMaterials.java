package org.convene.materials;

import org.convene.programme.SessionDetail;

import java.time.Instant;
import java.util.List;

/** A session's materials for its hosts' page, drafts too, with the moment they were read (for "published"). */
public record ManagedMaterials(SessionDetail session, List<Material> materials, Instant now) {

    public ManagedMaterials {
        materials = List.copyOf(materials);
    }
}
