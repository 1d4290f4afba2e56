package org.convene.account.api;

import org.convene.account.PersonalDataService;
import org.convene.core.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Download everything Convene holds about you": the signed-in person's own data and nobody else's. The address
 * takes no id, so there is nothing to change to reach another person's. Someone not signed in is sent to log in.
 * Built in memory before anything is sent: one person's data is small.
 */
@RestController
class PersonalDataController {

    /** The link on the account page. */
    static final String PATH = "/account/your-data.zip";

    private final PersonalDataService personalData;
    private final CurrentUser currentUser;

    PersonalDataController(PersonalDataService personalData, CurrentUser currentUser) {
        this.personalData = personalData;
        this.currentUser = currentUser;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> yourData() {
        if (currentUser.get().isEmpty()) {
            return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/login").build();
        }
        byte[] zip = personalData.myDataZip();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(zip.length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(PersonalDataService.downloadName()).build().toString())
                // personal data: never kept by a shared cache or the browser's
                .cacheControl(CacheControl.noStore())
                .body(zip);
    }
}
