package org.convene.account.api;

import org.convene.account.ApiToken;
import org.convene.account.ApiTokenService;
import org.convene.account.NewApiToken;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Personal access tokens for scripts: create with HTTP Basic (email and password), list, revoke. */
@RestController
@RequestMapping("/api/tokens")
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record CreateTokenRequest(String name) {
    }

    record CreatedToken(long id, String name, String token) {
    }

    @PostMapping
    ResponseEntity<CreatedToken> create(@RequestBody(required = false) CreateTokenRequest request) {
        NewApiToken created = tokens.create(request == null ? null : request.name());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new CreatedToken(created.token().id(), created.token().name(), created.secret()));
    }

    @GetMapping
    List<ApiToken> mine() {
        return tokens.mine();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }
}
