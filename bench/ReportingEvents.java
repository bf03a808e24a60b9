// reporting-service's benchmark events (bench/reporting.sh): puts a realistic history of agreements, sub-processor
// changes, breaches, audits, information requests, data subject requests and instructions on the four topics, as
// the services publish them, and reports a consumer group's lag. Compiled and run by bench/reporting.sh against
// reporting-service's test classpath (the kernel's contract records, testing.Contracts, the producers' schemas).
//
//   produce  --bootstrap 127.0.0.1:19192 --agreements 6000 --organisations 1000 [--heavy 100] [--seed 14]
//            [--now 2026-12-01T09:00:00Z] [--orgs-out file] [--dry-run: build and check only, send nothing]
//   lag      --bootstrap ... --group reporting-service      prints the group's total lag on the four topics
//   wait     --bootstrap ... --group reporting-service --timeout 900
//            waits until the group has committed every record of the four topics; prints how long it took
//
// Every record is built with the kernel's published contract records (platform/contracts: AgreementPublished,
// SubprocessorChangePublished, BreachPublished, AuditPublished, InformationRequestPublished,
// AssistanceItemPublished), with the event payload each type's JSON Schema describes, and checked against that
// schema, read closed, with testing.Contracts before it is sent: the run stops at the first violation. The records
// are CloudEvents in Kafka binary mode as the outbox relay writes them (docs/EVENTS.md: ce_* headers, key = stream
// id, each stream's versions in order).
//
// The history: organisation 0 (the benchmark's caller) is the controller of --heavy agreements, every other
// agreement has a controller among organisations 1..N-1 in turn and a processor drawn at random (never the same),
// so each organisation is controller of some agreements and processor of others. Agreements were drafted 1 to 24
// months before --now; per agreement on average about 2 sub-processor changes, 1 breach, 0.5 audits, 1 information
// request, 1 data subject request and 0.5 instructions, each in a state that follows from its age (recent ones
// still open, some deadlines missed).

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.dpaledger.platform.contracts.AgreementPublished;
import eu.dpaledger.platform.contracts.AssistanceItemPublished;
import eu.dpaledger.platform.contracts.AuditPublished;
import eu.dpaledger.platform.contracts.BreachPublished;
import eu.dpaledger.platform.contracts.InformationRequestPublished;
import eu.dpaledger.platform.contracts.SubprocessorChangePublished;
import eu.dpaledger.platform.domain.TransferMechanism;
import eu.dpaledger.testing.Contracts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

public class ReportingEvents {

    static final List<String> TOPICS = List.of(AgreementPublished.TOPIC, SubprocessorChangePublished.TOPIC, BreachPublished.TOPIC,
            AuditPublished.TOPIC);
    static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    static final String ZONE = "Europe/Brussels";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String[] COUNTRIES = {"BE", "BE", "BE", "NL", "DE", "FR", "IE", "US", "GB", "CH", "IN"};
    static final Set<String> EEA = Set.of("BE", "NL", "DE", "FR", "IE");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = parse(args);
        String bootstrap = opt.getOrDefault("bootstrap", "127.0.0.1:19192");
        switch (opt.getOrDefault("mode", args.length > 0 && !args[0].startsWith("--") ? args[0] : "produce")) {
            case "produce" -> new Producer(opt).run(bootstrap);
            case "lag" -> System.out.println("RESULT lag " + lag(bootstrap, opt.getOrDefault("group", "reporting-service")));
            case "wait" -> waitCaughtUp(bootstrap, opt.getOrDefault("group", "reporting-service"),
                    Long.parseLong(opt.getOrDefault("timeout", "900")));
            default -> throw new IllegalArgumentException("unknown mode");
        }
    }

    // ------------------------------------------------------------------------------------------ consumer lag

    /** Records on the four topics the group has not committed yet (a partition it never committed counts whole). */
    static long lag(String bootstrap, String group) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var d : admin.describeTopics(TOPICS).allTopicNames().get().values()) {
                d.partitions().forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (var e : ends.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    static void waitCaughtUp(String bootstrap, String group, long timeoutSeconds) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + timeoutSeconds * 1_000_000_000L;
        long lag;
        while ((lag = lag(bootstrap, group)) > 0) {
            if (System.nanoTime() > deadline) {
                System.out.println("RESULT lag " + lag);
                throw new IllegalStateException("group " + group + " still " + lag + " records behind after " + timeoutSeconds + " s");
            }
            Thread.sleep(250);
        }
        System.out.printf(Locale.ROOT, "RESULT lag 0%nRESULT waited_s %.1f%n", (System.nanoTime() - t0) / 1e9);
    }

    // ------------------------------------------------------------------------------------------ the history

    /** An organisation: its enterprise number (10 digits, docs/DOMAIN.md) and name. */
    record Org(String number, String name) {
    }

    /** One record to send: topic, key (stream id), CloudEvent type, time, value. */
    record Out(String topic, String key, String type, Instant time, String value) {
    }

    static final class Producer {
        final int agreements;
        final int organisations;
        final int heavy;
        final Instant now;
        final SplittableRandom random;
        final List<Org> orgs = new ArrayList<>();
        final List<Org> auditFirms = new ArrayList<>();
        final ObjectNode demoContent;
        final Map<String, Integer> perType = new TreeMap<>();
        final List<Out> out = new ArrayList<>();
        final Path orgsOut;
        final boolean dryRun;

        Producer(Map<String, String> opt) throws Exception {
            this.agreements = Integer.parseInt(opt.getOrDefault("agreements", "6000"));
            this.organisations = Integer.parseInt(opt.getOrDefault("organisations", "1000"));
            this.heavy = Integer.parseInt(opt.getOrDefault("heavy", "100"));
            this.now = opt.containsKey("now") ? Instant.parse(opt.get("now")) : Instant.now().truncatedTo(ChronoUnit.SECONDS);
            this.random = new SplittableRandom(Long.parseLong(opt.getOrDefault("seed", "14")));
            this.orgsOut = opt.containsKey("orgs-out") ? Path.of(opt.get("orgs-out")) : null;
            this.dryRun = opt.containsKey("dry-run");
            for (int i = 0; i < organisations; i++) {
                // 10 digits starting with 0 (docs/DOMAIN.md: a Belgian enterprise number); index i is readable in it.
                orgs.add(new Org(String.format(Locale.ROOT, "02%08d", i), (i % 3 == 0 ? "Lokaal bestuur " : i % 3 == 1
                        ? "Dienstverlener " : "Intercommunale ") + String.format(Locale.ROOT, "%04d", i)));
            }
            for (int i = 0; i < 20; i++) {
                auditFirms.add(new Org(String.format(Locale.ROOT, "08%08d", i), "Auditkantoor " + i));
            }
            this.demoContent = (ObjectNode) JSON.readTree(Files.readString(Path.of("deploy/demo/opwijk-esn-agreement.json")));
        }

        void run(String bootstrap) throws Exception {
            long t0 = System.nanoTime();
            for (int i = 0; i < agreements; i++) {
                Org controller = i < heavy ? orgs.get(0) : orgs.get(1 + (i - heavy) % (organisations - 1));
                Org processor;
                do {
                    processor = orgs.get(random.nextInt(organisations));
                } while (processor.equals(controller));
                agreementHistory(controller, processor);
            }
            double built = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            int checked = 0;
            for (Out o : out) {
                Set<String> violations = Contracts.violations(o.type(), o.value());
                if (!violations.isEmpty()) {
                    throw new IllegalStateException("record violates the published contract " + o.type() + ": " + violations
                            + "\n" + o.value());
                }
                checked++;
            }
            double validated = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            if (!dryRun) {
                send(bootstrap);
            }
            double sent = (System.nanoTime() - t2) / 1e9;
            System.out.printf(Locale.ROOT, "%d records built in %.1f s, all %d valid against their contracts (%.1f s), sent in %.1f s%n",
                    out.size(), built, checked, validated, sent);
            Map<String, Long> perTopic = out.stream().collect(Collectors.groupingBy(Out::topic, TreeMap::new, Collectors.counting()));
            perTopic.forEach((t, n) -> System.out.printf(Locale.ROOT, "    %-20s %7d%n", t, n));
            perType.forEach((t, n) -> System.out.printf(Locale.ROOT, "    %-60s %7d%n", t, n));
            long bytes = out.stream().mapToLong(o -> o.value().length()).sum();
            System.out.printf(Locale.ROOT, "RESULT events %d%nRESULT event_bytes %d%nRESULT heavy_org %s%nRESULT now %s%n", out.size(), bytes,
                    orgs.get(0).number(), now);
            if (orgsOut != null) {
                Files.write(orgsOut, orgs.stream().map(o -> o.number() + "\t" + o.name()).toList());
            }
        }

        void send(String bootstrap) throws Exception {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            // As the outbox relay sends (platform microprofile-config: acks=all, idempotent, in-order per key).
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
            AtomicReference<Exception> failure = new AtomicReference<>();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
                for (Out o : out) {
                    String source = switch (o.topic()) {
                        case "dpa.agreements" -> "/dpa-ledger/agreement-service";
                        case "dpa.subprocessors" -> "/dpa-ledger/subprocessor-service";
                        case "dpa.breaches" -> "/dpa-ledger/breach-service";
                        default -> "/dpa-ledger/audit-service";
                    };
                    ProducerRecord<String, String> record = new ProducerRecord<>(o.topic(), o.key(), o.value());
                    header(record, "ce_specversion", "1.0");
                    header(record, "ce_id", UUID.randomUUID().toString());
                    header(record, "ce_source", source);
                    header(record, "ce_type", o.type());
                    header(record, "ce_subject", o.key());
                    header(record, "ce_time", o.time().toString());
                    header(record, "ce_datacontenttype", "application/json");
                    header(record, "content-type", "application/json");
                    producer.send(record, (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
                }
                producer.flush();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        static void header(ProducerRecord<String, String> record, String name, String value) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }

        void emit(String topic, String key, String type, Instant at, Object published) {
            perType.merge(type, 1, Integer::sum);
            out.add(new Out(topic, key, type, at, JSON.valueToTree(published).toString()));
        }

        // -------------------------------------------------------------------------------------- helpers

        Instant daysAgo(double days) {
            return now.minusSeconds((long) (days * 86400)).truncatedTo(ChronoUnit.SECONDS);
        }

        Instant plusHours(Instant t, double hours) {
            return t.plusSeconds((long) (hours * 3600));
        }

        Instant plusDays(Instant t, double days) {
            return t.plusSeconds((long) (days * 86400));
        }

        LocalDate day(Instant t) {
            return t.atZone(BRUSSELS).toLocalDate();
        }

        boolean chance(double p) {
            return random.nextDouble() < p;
        }

        /** How many of something an agreement has: 0..2*mean, mean on average. */
        int count(double mean) {
            double x = random.nextDouble() * 2 * mean;
            return (int) x + (random.nextDouble() < x - (int) x ? 1 : 0);
        }

        String hex64() {
            return String.format(Locale.ROOT, "%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
        }

        String uuid() {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }

        static ObjectNode node() {
            return JSON.createObjectNode();
        }

        // -------------------------------------------------------------------------------------- agreement

        void agreementHistory(Org controller, Org processor) {
            String id = uuid();
            Instant created = daysAgo(30 + random.nextDouble() * 690);
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            TransferMechanism transfer = EEA.contains(country) ? null
                    : country.equals("US") || country.equals("IN") ? TransferMechanism.APPROPRIATE_SAFEGUARDS : TransferMechanism.ADEQUACY_DECISION;
            String authority = chance(0.8) ? "VTC" : "GBA";
            int objectionDays = chance(0.8) ? 30 : 14;
            AgreementPublished.Settings settings = new AgreementPublished.Settings(authority, ZONE, objectionDays, 30);
            String assignment = "Hosting en onderhoud toepassing " + (1 + random.nextInt(400));
            List<AgreementPublished.AnnexSubprocessor> annex = List.of(new AgreementPublished.AnnexSubprocessor("Level 27", "Hasselt", "BE", null),
                    new AgreementPublished.AnnexSubprocessor("Cloud " + country, null, country, transfer));
            List<AgreementPublished.ProcessingLocation> locations = List.of(new AgreementPublished.ProcessingLocation("BE", null),
                    new AgreementPublished.ProcessingLocation(country, transfer));
            AgreementPublished.Party c = new AgreementPublished.Party(controller.name(), controller.number());
            AgreementPublished.Party p = new AgreementPublished.Party(processor.name(), processor.number());
            var draft = new AgreementPublished.Summary("DRAFT", c, p, assignment, 2, settings, annex, locations);
            String sha = hex64();

            agreement(id, 1, "DraftCreated", created, node().put("agreementId", id).<ObjectNode>set("content",
                    content(controller, processor, assignment, settings, annex, locations)).put("createdBy", "CONTROLLER")
                    .put("at", created.toString()), draft);
            Instant signed1 = plusDays(created, 1 + random.nextDouble() * 5);
            agreement(id, 2, "AgreementSigned", signed1, signature("CONTROLLER", sha, signed1), draft);
            Instant signed2 = plusDays(signed1, 1 + random.nextDouble() * 5);
            agreement(id, 3, "AgreementSigned", signed2, signature("PROCESSOR", sha, signed2), draft);
            var active = new AgreementPublished.Summary("ACTIVE", c, p, assignment, 2, settings, annex, locations);
            agreement(id, 4, "AgreementActivated", signed2, node().put("contentSha256", sha).put("at", signed2.toString()), active);
            Facts facts = new Facts(id, controller, processor, settings, signed2, objectionDays);

            int changes = count(1.0);
            for (int n = 0; n < changes; n++) {
                changeHistory(facts);
            }
            for (int n = count(1.0); n > 0; n--) {
                breachHistory(facts);
            }
            for (int n = count(0.5); n > 0; n--) {
                auditHistory(facts);
            }
            for (int n = count(1.0); n > 0; n--) {
                informationRequest(facts);
            }
            for (int n = count(1.0); n > 0; n--) {
                dataSubjectRequest(facts);
            }
            for (int n = count(0.5); n > 0; n--) {
                instruction(facts);
            }
            // One in ten agreements has been terminated: data returned, destruction confirmed (DPA art. 11.2, 11.4).
            if (chance(0.1)) {
                var terminated = new AgreementPublished.Summary("TERMINATED", c, p, assignment, 2, settings, annex, locations);
                Instant effective = plusDays(signed2, (Duration.between(signed2, now).toDays()) * random.nextDouble());
                agreement(id, 5, "AgreementTerminated", effective, node().put("ground", "ASSIGNMENT_ENDED").put("effectiveAt", effective.toString())
                        .putNull("noticeOfDefaultReference").put("by", "CONTROLLER").put("at", effective.toString()), terminated);
                Instant returned = plusDays(effective, 5 + random.nextDouble() * 40);
                if (returned.isBefore(now)) {
                    agreement(id, 6, "DataReturned", returned, node().put("format", "SQL dump").put("sha256", hex64())
                            .put("deliveredAt", returned.toString()).put("destructionConfirmationDueAt", plusDays(returned, 30).toString())
                            .put("at", returned.toString()), terminated);
                    Instant destroyed = plusDays(returned, 5 + random.nextDouble() * 40);
                    if (destroyed.isBefore(now)) {
                        agreement(id, 7, "DestructionConfirmed", destroyed, node().put("confirmedAt", destroyed.toString())
                                .put("statement", "Alle kopieën vernietigd").<ObjectNode>set("legalRetentionExceptions", JSON.createArrayNode())
                                .put("at", destroyed.toString()), terminated);
                    }
                }
            }
        }

        record Facts(String agreementId, Org controller, Org processor, AgreementPublished.Settings settings, Instant activated,
                     int objectionDays) {
        }

        void agreement(String id, long version, String event, Instant at, ObjectNode payload, AgreementPublished.Summary summary) {
            emit(AgreementPublished.TOPIC, id, "eu.dpaledger.agreement." + event + ".v1", at,
                    new AgreementPublished(id, version, payload, summary));
        }

        ObjectNode signature(String party, String sha, Instant at) {
            return node().put("party", party).put("signerName", party.equals("CONTROLLER") ? "Jan Voorbeeld" : "Piet Proef")
                    .put("signerTitle", "algemeen directeur").put("place", "Opwijk").put("contentSha256", sha).put("at", at.toString());
        }

        /** The demo agreement's annex content with these parties, settings and locations (the shape DraftCreated carries). */
        ObjectNode content(Org controller, Org processor, String assignment, AgreementPublished.Settings settings,
                           List<AgreementPublished.AnnexSubprocessor> annex, List<AgreementPublished.ProcessingLocation> locations) {
            ObjectNode content = demoContent.deepCopy();
            ((ObjectNode) content.get("controller")).put("name", controller.name()).put("enterpriseNumber", controller.number());
            ((ObjectNode) content.get("processor")).put("name", processor.name()).put("enterpriseNumber", processor.number());
            ((ObjectNode) content.get("assignment")).put("description", assignment);
            content.set("processingLocations", JSON.valueToTree(locations));
            content.set("subprocessors", JSON.valueToTree(annex));
            content.set("settings", JSON.valueToTree(settings));
            return content;
        }

        // -------------------------------------------------------------------------------------- sub-processor change

        void changeHistory(Facts f) {
            String id = uuid();
            long ageDays = Duration.between(f.activated(), now).toDays();
            Instant announced = plusDays(f.activated(), Math.max(1, ageDays * random.nextDouble()));
            String kind = chance(0.7) ? "ADD" : chance(0.6) ? "REPLACE" : "REMOVE";
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            TransferMechanism transfer = EEA.contains(country) ? null : TransferMechanism.APPROPRIATE_SAFEGUARDS;
            var sub = new SubprocessorChangePublished.Subprocessor("Subverwerker " + random.nextInt(300), null, country, transfer);
            String replaces = kind.equals("REPLACE") ? "Level 27" : null;
            Instant windowEnds = kind.equals("REMOVE") ? null : plusDays(announced, f.objectionDays());
            LocalDate intended = day(plusDays(announced, f.objectionDays() + 5));
            Change change = new Change(id, f, kind, sub, replaces, intended, announced, windowEnds);

            ObjectNode announcedEvent = node().put("changeId", id).put("agreementId", f.agreementId())
                    .put("controllerOrg", f.controller().number()).put("processorOrg", f.processor().number()).put("timeZone", ZONE)
                    .put("kind", kind);
            announcedEvent.set("subprocessor", JSON.valueToTree(sub));
            announcedEvent.put("replaces", replaces).put("intendedFrom", intended.toString()).put("reason", "Capaciteit")
                    .putNull("supersedes").put("objectionWindowEndsAt", windowEnds == null ? null : windowEnds.toString())
                    .put("announcedBy", "staff-" + f.processor().number()).put("at", announced.toString());
            change.emit(1, "ChangeAnnounced", announced, announcedEvent, "ANNOUNCED", null, null, null, false);
            if (windowEnds != null && windowEnds.isAfter(now)) {
                return; // the controller's objection window is still open (DPA art. 6.1)
            }
            if (kind.equals("REMOVE")) {
                change.emit(2, "ChangeAccepted", announced, node().put("basis", "REMOVAL_NOTIFIED").put("at", announced.toString()),
                        "ACCEPTED", null, null, "REMOVAL_NOTIFIED", false);
                change.tookEffect(3);
                return;
            }
            if (chance(0.15)) {
                // Objection within the window; 3 months to resolve it before the controller may terminate (DPA art. 6.2).
                Instant objected = plusDays(announced, f.objectionDays() * random.nextDouble());
                Instant terminationFrom = objected.atZone(BRUSSELS).plusMonths(3).toInstant();
                change.emit(2, "ObjectionRaised", objected, node().put("grounds", "Doorgifte buiten de EER").put("objectedBy",
                                "dpo-" + f.controller().number()).put("at", objected.toString())
                                .put("negotiationEndsOn", day(terminationFrom).toString()).put("terminationRightFrom", terminationFrom.toString()),
                        "OBJECTED", objected, terminationFrom, null, false);
                Instant resolved = plusDays(objected, 20 + random.nextDouble() * 120);
                if (resolved.isBefore(now) && resolved.isBefore(terminationFrom)) {
                    change.emit(3, "ChangeAccepted", resolved, node().put("basis", "OBJECTION_RESOLVED").put("at", resolved.toString()),
                            "ACCEPTED", objected, terminationFrom, "OBJECTION_RESOLVED", false);
                    change.tookEffect(4);
                }
                return;
            }
            change.emit(2, "ChangeAccepted", windowEnds, node().put("basis", "ACCEPTED_WITHOUT_OBJECTION").put("at", windowEnds.toString()),
                    "ACCEPTED", null, null, "ACCEPTED_WITHOUT_OBJECTION", false);
            change.tookEffect(3);
        }

        final class Change {
            final String id;
            final Facts f;
            final String kind;
            final SubprocessorChangePublished.Subprocessor sub;
            final String replaces;
            final LocalDate intended;
            final Instant announced;
            final Instant windowEnds;
            Instant objectedAt;
            Instant terminationFrom;
            String basis;

            Change(String id, Facts f, String kind, SubprocessorChangePublished.Subprocessor sub, String replaces, LocalDate intended,
                   Instant announced, Instant windowEnds) {
                this.id = id;
                this.f = f;
                this.kind = kind;
                this.sub = sub;
                this.replaces = replaces;
                this.intended = intended;
                this.announced = announced;
                this.windowEnds = windowEnds;
            }

            void emit(long version, String event, Instant at, ObjectNode payload, String status, Instant objected, Instant terminationFrom,
                      String basis, boolean granted) {
                this.objectedAt = objected;
                this.terminationFrom = terminationFrom;
                this.basis = basis;
                var summary = new SubprocessorChangePublished.Summary(f.controller().number(), f.processor().number(), ZONE, kind, sub,
                        replaces, intended, status, announced, windowEnds, false, objected, terminationFrom, false, granted, basis, null);
                Producer.this.emit(SubprocessorChangePublished.TOPIC, id, "eu.dpaledger.subprocessor." + event + ".v1", at,
                        new SubprocessorChangePublished(id, f.agreementId(), version, payload, summary));
            }

            void tookEffect(long version) {
                Instant effective = intended.atStartOfDay(BRUSSELS).toInstant();
                if (effective.isAfter(now)) {
                    return;
                }
                emit(version, "ChangeTookEffect", effective, node().put("effectiveFrom", intended.toString()).put("at", effective.toString()),
                        "IN_EFFECT", objectedAt, terminationFrom, basis, false);
            }
        }

        // -------------------------------------------------------------------------------------- breach

        void breachHistory(Facts f) {
            String id = uuid();
            long ageDays = Math.min(365, Duration.between(f.activated(), now).toDays());
            Instant aware = daysAgo(ageDays * random.nextDouble());
            // Most reports within the 24 hours of DPA art. 7.3, about one in eight later.
            Instant received = plusHours(aware, chance(0.88) ? 1 + random.nextDouble() * 22 : 25 + random.nextDouble() * 48);
            if (received.isAfter(now)) {
                received = now.minusSeconds(60);
            }
            Instant reportDue = plusHours(aware, 24);
            long late = Math.max(0, Duration.between(reportDue, received).getSeconds());
            Instant notificationDue = plusHours(received, 72); // GDPR art. 33(1): the controller is aware on receipt
            String description = "Inbreuk " + id.substring(0, 8) + ": " + (chance(0.5) ? "phishing" : "verloren laptop");
            Breach breach = new Breach(id, f, description, aware, received, reportDue, late, notificationDue);

            ObjectNode report = node();
            report.putObject("internalContact").put("name", "Piet Proef").put("email", "piet@example.com").putNull("phone");
            report.putObject("company").put("name", f.processor().name()).putNull("address").putNull("vatNumber");
            report.putObject("foundBy").put("name", "SOC").putNull("jobTitle");
            report.put("detectedAt", aware.toString()).put("processorAwareAt", aware.toString()).put("description", description);
            report.putObject("occurrence").put("kind", "AT").put("at", aware.toString()).putNull("from").putNull("to");
            report.putArray("dataClasses").add("A").add("C");
            report.putNull("otherData");
            report.putObject("personsAffected").put("kind", "RANGE").put("min", 10).put("max", 100 + random.nextInt(5000));
            report.put("groupDescription", "Inwoners");
            report.putArray("circumstances").add("B");
            report.putObject("unintelligible").put("answer", "NO").putNull("how");
            report.putNull("encryption").put("measures", "Wachtwoorden gereset").put("kind", "BREACH");
            ObjectNode reported = node().put("breachId", id).put("agreementId", f.agreementId()).put("controllerOrg", f.controller().number())
                    .put("processorOrg", f.processor().number()).put("authority", f.settings().supervisoryAuthority()).put("timeZone", ZONE);
            reported.set("report", report);
            reported.put("reportedBy", "staff-" + f.processor().number()).put("receivedAt", received.toString())
                    .put("reportDueAt", reportDue.toString()).put("lateBySeconds", late).put("notificationDueAt", notificationDue.toString());
            breach.emit(1, "BreachReported", received, reported, "REPORTED", null, true, false, null,
                    List.of("ASSESSMENT", "AUTHORITY_NOTIFICATION"));

            Instant assessed = plusHours(received, 2 + random.nextDouble() * 60);
            if (assessed.isAfter(now)) {
                return; // still to be assessed: the 72-hour clock runs
            }
            String risk = chance(0.5) ? "UNLIKELY" : chance(0.75) ? "RISK" : "HIGH_RISK";
            ObjectNode assessment = node().put("risk", risk).put("justification", "Beoordeeld door de DPO").put("proposedLevel", "MEDIUM")
                    .put("proposedScore", 2.5).put("proposedRisk", risk).put("assessedBy", "dpo-" + f.controller().number())
                    .put("at", assessed.toString());
            if (risk.equals("UNLIKELY")) {
                // Documented only: no notification owed (GDPR art. 33(1), 33(5)).
                breach.emit(2, "RiskAssessed", assessed, assessment, "DOCUMENTED", risk, false, false, null, List.of());
                return;
            }
            List<String> owed = risk.equals("HIGH_RISK") ? List.of("AUTHORITY_NOTIFICATION", "DATA_SUBJECT_COMMUNICATION")
                    : List.of("AUTHORITY_NOTIFICATION");
            breach.emit(2, "RiskAssessed", assessed, assessment, "AWAITING_NOTIFICATION", risk, true, false, null, owed);
            Instant notified = plusHours(assessed, chance(0.85) ? random.nextDouble() * 30 : 40 + random.nextDouble() * 60);
            if (notified.isAfter(now)) {
                return;
            }
            boolean lateNotification = notified.isAfter(notificationDue);
            breach.emit(3, "AuthorityNotified", notified, node().put("authority", f.settings().supervisoryAuthority())
                            .put("notifiedAt", notified.toString()).put("reference", "GBA-" + id.substring(0, 8)).put("phase", "FINAL")
                            .put("delayReasons", lateNotification ? "Onderzoek liep nog" : null).put("late", lateNotification)
                            .put("notifiedBy", "dpo-" + f.controller().number()).put("at", notified.toString()),
                    "NOTIFIED", risk, false, lateNotification, notified,
                    risk.equals("HIGH_RISK") ? List.of("DATA_SUBJECT_COMMUNICATION") : List.of());
        }

        final class Breach {
            final String id;
            final Facts f;
            final String description;
            final Instant aware;
            final Instant received;
            final Instant reportDue;
            final long late;
            final Instant notificationDue;

            Breach(String id, Facts f, String description, Instant aware, Instant received, Instant reportDue, long late,
                   Instant notificationDue) {
                this.id = id;
                this.f = f;
                this.description = description;
                this.aware = aware;
                this.received = received;
                this.reportDue = reportDue;
                this.late = late;
                this.notificationDue = notificationDue;
            }

            void emit(long version, String event, Instant at, ObjectNode payload, String status, String risk, boolean open, boolean missed,
                      Instant notified, List<String> owed) {
                var summary = new BreachPublished.Summary(f.controller().number(), f.processor().number(), f.settings().supervisoryAuthority(),
                        status, description, aware, received, reportDue, late, received, notificationDue, open, false, missed, risk, owed,
                        "BREACH", late);
                Producer.this.emit(BreachPublished.TOPIC, id, "eu.dpaledger.breach." + event + ".v1", at,
                        new BreachPublished(id, f.agreementId(), version, payload, summary));
            }
        }

        // -------------------------------------------------------------------------------------- audit

        void auditHistory(Facts f) {
            String id = uuid();
            Instant start = daysAgo(-60 + random.nextDouble() * 360);
            if (start.isBefore(plusDays(f.activated(), 30))) {
                start = plusDays(f.activated(), 30);
            }
            Instant end = plusDays(start, 1);
            Instant noticed = plusDays(start, -30);
            String auditor = chance(0.5) ? auditFirms.get(random.nextInt(auditFirms.size())).number() : null;
            Audit audit = new Audit(id, f, auditor, start, end);
            ObjectNode scheduled = node().put("auditId", id).put("agreementId", f.agreementId()).put("controllerOrg", f.controller().number())
                    .put("processorOrg", f.processor().number()).put("timeZone", ZONE).put("noticeGivenAt", noticed.toString())
                    .put("start", start.toString()).put("end", end.toString()).put("scope", "Technische en organisatorische maatregelen")
                    .put("location", "Brussel").put("auditorOrg", auditor).putNull("overrideJustification")
                    .put("scheduledBy", "dpo-" + f.controller().number()).put("at", noticed.toString());
            audit.emit(1, "AuditScheduled", noticed, scheduled, "SCHEDULED", null, false, null, null);
            if (end.isAfter(now)) {
                return; // still ahead (DPA art. 9.1)
            }
            boolean deficient = chance(0.4);
            long version = 2;
            List<String> findings = new ArrayList<>();
            if (deficient) {
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    String finding = uuid();
                    findings.add(finding);
                    String severity = chance(0.6) ? "MINOR" : chance(0.7) ? "MAJOR" : "CRITICAL";
                    audit.emit(version++, "FindingRecorded", end, node().put("findingId", finding).put("title", "Bevinding " + findings.size())
                                    .put("severity", severity).put("articleRef", "DPA art. 8").put("description", "Logging onvolledig")
                                    .put("recordedBy", "auditor").put("at", end.toString()),
                            "SCHEDULED", null, false, null, null);
                }
            }
            Instant completed = plusDays(end, 1 + random.nextDouble() * 10);
            if (completed.isAfter(now)) {
                return;
            }
            // Deficiencies: the processor submits a corrective action plan within a month (DPA art. 9.2).
            Instant planDue = deficient ? completed.atZone(BRUSSELS).plusMonths(1).toInstant() : null;
            audit.emit(version++, "AuditCompleted", completed, node().put("completedAt", completed.toString()).put("nonCompliance", deficient)
                            .put("planDueOn", planDue == null ? null : day(planDue).toString())
                            .put("planDueAt", planDue == null ? null : planDue.toString()).put("costBorneBy", "CONTROLLER")
                            .put("costBasis", "DPA art. 9.3").put("completedBy", "dpo-" + f.controller().number()).put("at", completed.toString()),
                    deficient ? "PLAN_DUE" : "COMPLETED", planDue, deficient, null, "CONTROLLER");
            if (!deficient) {
                return;
            }
            Instant submitted = plusDays(completed, 5 + random.nextDouble() * 40);
            if (submitted.isAfter(now)) {
                return; // plan owed; overdue once planDue passed
            }
            String plan = uuid();
            LocalDate measureDue = day(plusDays(submitted, 30 + random.nextDouble() * 120));
            ArrayNode measures = JSON.createArrayNode();
            measures.addObject().put("measureId", uuid()).<ObjectNode>set("findingIds", JSON.valueToTree(findings))
                    .put("description", "Logging aanvullen").put("dueDate", measureDue.toString());
            audit.emit(version++, "PlanSubmitted", submitted, node().put("planId", plan).<ObjectNode>set("measures", measures)
                            .put("submittedBy", "staff-" + f.processor().number()).put("at", submitted.toString()),
                    "PLAN_SUBMITTED", planDue, false, null, "CONTROLLER");
            Instant decided = plusDays(submitted, 1 + random.nextDouble() * 14);
            if (decided.isAfter(now)) {
                return;
            }
            audit.emit(version, "PlanDecided", decided, node().put("planId", plan).put("approved", true).putNull("comments")
                            .put("decidedBy", "dpo-" + f.controller().number()).put("at", decided.toString()),
                    "PLAN_APPROVED", planDue, false, measureDue, "CONTROLLER");
        }

        final class Audit {
            final String id;
            final Facts f;
            final String auditor;
            final Instant start;
            final Instant end;

            Audit(String id, Facts f, String auditor, Instant start, Instant end) {
                this.id = id;
                this.f = f;
                this.auditor = auditor;
                this.start = start;
                this.end = end;
            }

            void emit(long version, String event, Instant at, ObjectNode payload, String status, Instant planDue, boolean planOwed,
                      LocalDate nextMeasure, String cost) {
                var summary = new AuditPublished.Summary(f.controller().number(), f.processor().number(), auditor, status, start, end,
                        "Technische en organisatorische maatregelen", planDue, planOwed, nextMeasure, cost);
                Producer.this.emit(AuditPublished.TOPIC, id, "eu.dpaledger.audit." + event + ".v1", at,
                        new AuditPublished(id, f.agreementId(), version, payload, summary));
            }
        }

        // -------------------------------------------------------------------------------------- information request

        void informationRequest(Facts f) {
            String id = uuid();
            long ageDays = Duration.between(f.activated(), now).toDays();
            Instant asked = daysAgo(Math.min(ageDays, 300) * random.nextDouble());
            LocalDate due = day(plusDays(asked, 14 + random.nextInt(17)));
            String question = "Graag het verwerkingsregister voor " + f.agreementId().substring(0, 8);
            ObjectNode requested = node().put("requestId", id).put("agreementId", f.agreementId()).put("controllerOrg", f.controller().number())
                    .put("processorOrg", f.processor().number()).put("timeZone", ZONE).put("question", question).put("dueDate", due.toString())
                    .put("askedBy", "dpo-" + f.controller().number()).put("at", asked.toString());
            emit(InformationRequestPublished.TOPIC, id, "eu.dpaledger.informationrequest.InformationRequested.v1", asked,
                    new InformationRequestPublished(id, f.agreementId(), 1, requested, new InformationRequestPublished.Summary(
                            f.controller().number(), f.processor().number(), question, due, ZONE, "OPEN", asked, null)));
            Instant answered = plusDays(asked, 2 + random.nextDouble() * 30);
            if (answered.isAfter(now) || chance(0.1)) {
                return; // open; overdue once its day passed (DPA art. 9.2)
            }
            ArrayNode attachments = JSON.createArrayNode();
            attachments.addObject().put("name", "register.pdf").put("sha256", hex64());
            emit(InformationRequestPublished.TOPIC, id, "eu.dpaledger.informationrequest.InformationProvided.v1", answered,
                    new InformationRequestPublished(id, f.agreementId(), 2, node().put("text", "In bijlage").<ObjectNode>set("attachments", attachments)
                            .put("answeredBy", "staff-" + f.processor().number()).put("at", answered.toString()),
                            new InformationRequestPublished.Summary(f.controller().number(), f.processor().number(), question, due, ZONE,
                                    "ANSWERED", asked, answered)));
        }

        // -------------------------------------------------------------------------------------- assistance items

        void dataSubjectRequest(Facts f) {
            String id = uuid();
            long ageDays = Duration.between(f.activated(), now).toDays();
            Instant received = daysAgo(Math.min(ageDays, 300) * random.nextDouble());
            Instant forwardDue = plusDays(received, 2); // forwarded without delay (DPA art. 7.2)
            LocalDate answerDue = received.atZone(BRUSSELS).plusMonths(1).toLocalDate(); // GDPR art. 12(3)
            String type = chance(0.5) ? "ACCESS" : chance(0.5) ? "ERASURE" : "RECTIFICATION";
            String reference = "DSR-" + id.substring(0, 6);
            String title = type + " " + reference;
            String dsr = "eu.dpaledger.datasubjectrequest.";
            ObjectNode registered = node().put("requestId", id).put("agreementId", f.agreementId()).put("controllerOrg", f.controller().number())
                    .put("processorOrg", f.processor().number()).put("timeZone", ZONE).put("type", type).put("receivedAt", received.toString())
                    .put("reference", reference).put("forwardDueAt", forwardDue.toString()).put("answerDueOn", answerDue.toString())
                    .put("registeredBy", "staff-" + f.processor().number()).put("at", received.toString());
            item(dsr + "DataSubjectRequestRegistered.v1", id, f, 1, received, registered, AssistanceItemPublished.DATA_SUBJECT_REQUEST,
                    "REGISTERED", true, false, title, forwardDue, answerDue);
            Instant forwarded = plusHours(received, chance(0.9) ? 1 + random.nextDouble() * 40 : 50 + random.nextDouble() * 100);
            if (forwarded.isAfter(now)) {
                return;
            }
            item(dsr + "RequestForwarded.v1", id, f, 2, forwarded, node().put("forwardedBy", "staff-" + f.processor().number())
                    .put("at", forwarded.toString()), AssistanceItemPublished.DATA_SUBJECT_REQUEST, "AWAITING_APPROVAL", true, true, title, null, answerDue);
            Instant decided = plusDays(forwarded, 1 + random.nextDouble() * 20);
            if (decided.isAfter(now)) {
                return;
            }
            item(dsr + "RequestDecided.v1", id, f, 3, decided, node().put("approved", true).put("instructions", "Uitvoeren")
                            .put("decidedBy", "dpo-" + f.controller().number()).put("at", decided.toString()),
                    AssistanceItemPublished.DATA_SUBJECT_REQUEST, "APPROVED", true, true, title, null, answerDue);
            Instant acted = plusDays(decided, 1 + random.nextDouble() * 10);
            if (acted.isAfter(now)) {
                return;
            }
            item(dsr + "RequestActedOn.v1", id, f, 4, acted, node().put("description", "Uitgevoerd").put("actedBy", "staff-" + f.processor().number())
                    .put("at", acted.toString()), AssistanceItemPublished.DATA_SUBJECT_REQUEST, "ACTED_ON", false, true, title, null, answerDue);
        }

        void instruction(Facts f) {
            String id = uuid();
            long ageDays = Duration.between(f.activated(), now).toDays();
            Instant issued = daysAgo(Math.min(ageDays, 300) * random.nextDouble());
            LocalDate effective = day(plusDays(issued, 7 + random.nextInt(21)));
            String text = "Bewaartermijn logbestanden: 6 maanden";
            ObjectNode payload = node().put("instructionId", id).put("agreementId", f.agreementId()).put("controllerOrg", f.controller().number())
                    .put("processorOrg", f.processor().number()).put("text", text).put("effectiveFrom", effective.toString())
                    .put("issuedBy", "dpo-" + f.controller().number()).put("at", issued.toString());
            item("eu.dpaledger.instruction.InstructionIssued.v1", id, f, 1, issued, payload, AssistanceItemPublished.INSTRUCTION, "ISSUED", true,
                    true, text, null, effective);
            Instant acknowledged = plusDays(issued, 1 + random.nextDouble() * 10);
            if (acknowledged.isAfter(now)) {
                return; // the processor acknowledges or flags it before it takes effect (DPA art. 2.3)
            }
            item("eu.dpaledger.instruction.InstructionAcknowledged.v1", id, f, 2, acknowledged, node().put("acknowledgedBy",
                    "staff-" + f.processor().number()).put("at", acknowledged.toString()), AssistanceItemPublished.INSTRUCTION, "ACKNOWLEDGED",
                    false, true, text, null, effective);
        }

        void item(String type, String id, Facts f, long version, Instant at, JsonNode payload, String kind, String status, boolean open,
                  boolean controllerVisible, String title, Instant dueAt, LocalDate answerDueOn) {
            emit(AgreementPublished.TOPIC, id, type, at, AssistanceItemPublished.withDetails(id, f.agreementId(), version, payload,
                    new AssistanceItemPublished.Item(kind, f.controller().number(), f.processor().number(), status, open, controllerVisible,
                            title, dueAt, answerDueOn)));
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                if (i == 0) {
                    out.put("mode", args[i]);
                    continue;
                }
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.put(name, args[++i]);
            } else {
                out.put(name, "true");
            }
        }
        return out;
    }
}
