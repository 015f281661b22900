package org.opendialer.service.leadimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.Problems;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignRepository;
import org.springframework.web.multipart.MultipartFile;

/**
 * Lead-list upload over HTTP: POST a file, get the import job id at once, poll its progress, download the
 * rejected rows as CSV.
 */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

    private final BackgroundImports imports;
    private final LeadImporter importer;
    private final CampaignRepository campaigns;

    public ImportController(BackgroundImports imports, CampaignRepository campaigns) {
        this.imports = imports;
        this.importer = imports.importer();
        this.campaigns = campaigns;
    }

    /** The region numbers without a country code are read in: as asked, else the campaign's own, else US. */
    private String region(String asked, long campaignId) {
        if (asked != null && !asked.isBlank()) {
            return asked.trim().toUpperCase();
        }
        return campaignId > 0 ? campaigns.find(campaignId).map(c -> c.line().defaultRegion()).orElse("US") : "US";
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> upload(@RequestParam("file") MultipartFile file,
                                                      @RequestParam(value = "campaignId", defaultValue = "0") long campaignId,
                                                      @RequestParam(value = "region", required = false) String region,
                                                      @RequestParam(value = "encoding", required = false) String encoding,
                                                      @RequestParam(value = "dedupe", defaultValue = "skip") String dedupe,
                                                      @RequestParam(value = "dnc", defaultValue = "false") boolean dnc)
            throws IOException {
        String name = fileName(file.getOriginalFilename());
        ImportRequest.Dedupe policy;
        try {
            policy = ImportRequest.Dedupe.valueOf(dedupe.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ImportFailedException("dedupe must be skip or update, not '" + dedupe + "'");
        }
        Path stored;
        try (InputStream in = file.getInputStream()) {
            stored = imports.folders().storeUpload(name, in);
        }
        ImportRequest request = new ImportRequest(campaignId, stored, region(region, campaignId), encoding, null, policy, dnc,
                Map.of(), ImportRequest.DEFAULT_CHUNK);
        long id;
        try {
            id = imports.submit(request);
        } catch (RuntimeException e) {
            Files.deleteIfExists(stored); // refused before anything was stored: the upload is of no further use
            throw e;
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("importJobId", id, "file", name));
    }

    /** The uploaded file's own name, without any folder the browser sent; at most 255 characters as file systems allow. */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "upload";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        if (name.length() > 255) {
            throw new InvalidRequestException("file", "the file name is longer than 255 characters");
        }
        return name.isBlank() ? "upload" : name;
    }

    @GetMapping("/{id}")
    public ImportSummary progress(@PathVariable long id) {
        return importer.summary(id);
    }

    @GetMapping(value = "/{id}/rejected.csv", produces = "text/csv")
    public ResponseEntity<String> rejected(@PathVariable long id) throws IOException {
        importer.summary(id);
        StringWriter csv = new StringWriter();
        importer.writeRejectedRows(id, csv);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + "-rejected.csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(csv.toString());
    }

    @ExceptionHandler(ImportFailedException.class)
    public ResponseEntity<ProblemDetail> refused(ImportFailedException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, null, e.getMessage());
    }

    @ExceptionHandler(EmptyResultDataAccessException.class)
    public ResponseEntity<ProblemDetail> unknown() {
        return Problems.of(HttpStatus.NOT_FOUND, null, "no such import job");
    }
}
