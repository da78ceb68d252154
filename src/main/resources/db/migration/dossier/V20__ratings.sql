-- Ratings of the service by the applicant after the result is returned (issue 11; vn-rules §10.2: the per-dossier
-- rating of the national portal and the counter's rating device; §7.3 indicator 5.4).

-- The questions asked, as data: a question is in force from valid_from until the day before valid_until (open when
-- null). A new set is published from a future day; what was asked before keeps its words, so old answers can be read.
-- options: [{"value": 1, "vi": "…", "en": "…"}, …]; an answer is one of the values.
create table dossier.rating_question (
    code         text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    valid_from   date not null,
    valid_until  date,
    position     int not null,
    text_vi      text not null,
    text_en      text not null,
    options      jsonb not null,
    required     boolean not null default true,
    primary key (code, valid_from),
    check (valid_until is null or valid_until > valid_from)
);

-- One rating per dossier, ever (the primary key: a second submission, even a concurrent one, finds the first).
-- received_by: the desk officer who received the dossier (or accepted it online), to whom the rating counts;
-- returned_by: who handed the result over; opened_by: the desk officer who opened the desk screen (channel DESK).
create table dossier.rating (
    dossier_id           uuid primary key references dossier.dossier (id),
    code                 text not null unique,
    channel              text not null check (channel in ('QR', 'DESK')),
    rated_at             timestamptz not null,
    procedure_code       text not null,
    receiving_agency_id  uuid not null,
    handling_agency_id   uuid not null,
    received_by          text,
    returned_by          text,
    opened_by            text,
    comment              text not null default '',
    check ((channel = 'DESK') = (opened_by is not null))
);
create index rating_received_by_idx on dossier.rating (received_by, rated_at);
create index rating_agency_idx on dossier.rating (receiving_agency_id, rated_at);

create table dossier.rating_answer (
    dossier_id           uuid not null references dossier.rating (dossier_id),
    question_code        text not null,
    question_valid_from  date not null,
    value                smallint not null,
    primary key (dossier_id, question_code),
    foreign key (question_code, question_valid_from) references dossier.rating_question (code, valid_from)
);

create trigger rating_append_only before update or delete on dossier.rating
    for each row execute function dossier.forbid_change();
create trigger rating_answer_append_only before update or delete on dossier.rating_answer
    for each row execute function dossier.forbid_change();

-- The first set, from the day Decree 118/2025/NĐ-CP took effect: the service elements of the satisfaction index
-- (SIPAS, QĐ 1001/QĐ-BNV: publicity of the procedure, the officials' attitude and guidance, the result on time) and
-- the legacy evaluation's number of contacts (TT 01/2018 Art. 12-15), with overall satisfaction on a 5-point scale.
insert into dossier.rating_question (code, valid_from, position, text_vi, text_en, options) values
('PUBLICITY', '2025-07-01', 1,
 'Thủ tục hành chính (thành phần hồ sơ, phí, lệ phí, thời hạn giải quyết) được công khai đầy đủ, dễ hiểu',
 'The procedure (documents, fees, time limit) was published fully and clearly',
 '[{"value":1,"vi":"Rất không hài lòng","en":"Very dissatisfied"},{"value":2,"vi":"Không hài lòng","en":"Dissatisfied"},{"value":3,"vi":"Bình thường","en":"Neutral"},{"value":4,"vi":"Hài lòng","en":"Satisfied"},{"value":5,"vi":"Rất hài lòng","en":"Very satisfied"}]'),
('GUIDANCE', '2025-07-01', 2,
 'Cán bộ hướng dẫn kê khai, bổ sung hồ sơ một lần, đầy đủ, dễ hiểu',
 'The officer explained once, fully and clearly what to fill in and bring',
 '[{"value":1,"vi":"Rất không hài lòng","en":"Very dissatisfied"},{"value":2,"vi":"Không hài lòng","en":"Dissatisfied"},{"value":3,"vi":"Bình thường","en":"Neutral"},{"value":4,"vi":"Hài lòng","en":"Satisfied"},{"value":5,"vi":"Rất hài lòng","en":"Very satisfied"}]'),
('ATTITUDE', '2025-07-01', 3,
 'Thái độ của cán bộ tiếp nhận, trả kết quả (lịch sự, tôn trọng, tận tình)',
 'The attitude of the officers who received the dossier and returned the result (polite, respectful, helpful)',
 '[{"value":1,"vi":"Rất không hài lòng","en":"Very dissatisfied"},{"value":2,"vi":"Không hài lòng","en":"Dissatisfied"},{"value":3,"vi":"Bình thường","en":"Neutral"},{"value":4,"vi":"Hài lòng","en":"Satisfied"},{"value":5,"vi":"Rất hài lòng","en":"Very satisfied"}]'),
('TIMELINESS', '2025-07-01', 4,
 'Kết quả được trả so với ngày hẹn trên giấy tiếp nhận',
 'When the result came, compared with the appointment on the receipt',
 '[{"value":1,"vi":"Trễ hẹn","en":"Later than the appointment"},{"value":2,"vi":"Đúng hẹn","en":"On the appointed day"},{"value":3,"vi":"Sớm hơn hẹn","en":"Before the appointment"}]'),
('VISITS', '2025-07-01', 5,
 'Số lần ông/bà phải bổ sung hồ sơ hoặc đi lại thêm, ngoài lần nộp và lần nhận kết quả',
 'How many more times you had to add documents or come back, besides handing in and collecting the result',
 '[{"value":0,"vi":"Không lần nào","en":"None"},{"value":1,"vi":"1 lần","en":"Once"},{"value":2,"vi":"2 lần trở lên","en":"Twice or more"}]'),
('OVERALL', '2025-07-01', 6,
 'Mức độ hài lòng chung của ông/bà về sự phục vụ',
 'Overall, how satisfied are you with the service',
 '[{"value":1,"vi":"Rất không hài lòng","en":"Very dissatisfied"},{"value":2,"vi":"Không hài lòng","en":"Dissatisfied"},{"value":3,"vi":"Bình thường","en":"Neutral"},{"value":4,"vi":"Hài lòng","en":"Satisfied"},{"value":5,"vi":"Rất hài lòng","en":"Very satisfied"}]');
