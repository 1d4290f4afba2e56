/**
 * Certificates of attendance: a tagged, accessible PDF (PDF/UA) for a session a person attended by the
 * conference's rule, or for the whole conference; organisers' bulk download for a session; and the public
 * verification page that says whether a printed code is genuine. Presence comes from attendance's
 * {@code PresenceService}; a certificate's facts are frozen when it is issued (docs/certificates.md).
 */
@NullMarked
package org.convene.certificates;

import org.jspecify.annotations.NullMarked;
