package org.opendialer.service.softphone;

import org.opendialer.service.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Asterisk refusing or not answering a call control is the PBX's problem, said in its words: 502. */
@RestControllerAdvice
public class PbxErrors {

    @ExceptionHandler(Pbx.PbxException.class)
    public ResponseEntity<ProblemDetail> refused(Pbx.PbxException e) {
        return Problems.of(HttpStatus.BAD_GATEWAY, null, e.getMessage());
    }
}
