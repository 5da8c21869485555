"""The evaluation's measures of attribution, computed from a report built by hand."""

import eval as evaluation


def test_articles_the_readers_give_no_local_government_are_right_only_when_left_without_one():
    report = evaluation.Report()
    report.no_government = [("a", "none", None), ("b", "국토교통부", None), ("c", "경찰청", "울산광역시")]
    figures = evaluation.summary(report)
    assert round(figures["no_government"], 3) == 0.667 and figures["counts"]["no_government"] == 3


def test_a_national_body_is_not_a_local_government_but_an_office_of_education_is():
    assert not evaluation._local_government("국토교통부") and not evaluation._local_government("")
    assert evaluation._local_government("광주광역시 광산구") and evaluation._local_government("부산광역시교육청")


def test_of_the_articles_given_a_government_the_share_given_the_right_one():
    report = evaluation.Report()
    # two labelled governments (one right, one wrong, one left without any), a national body's article given a
    # city (counted once, among the labelled), and two articles labelled with none (one given a government)
    report.agency = [("a", "광주광역시", "광주광역시", "news"), ("b", "부산광역시", "울산광역시", "news"),
                     ("c", "대구광역시", None, "news"), ("d", "경찰청", "울산광역시", "news")]
    report.no_government = [("d", "경찰청", "울산광역시"), ("e", "none", "서울특별시"), ("f", "none", None)]
    figures = evaluation.summary(report)
    assert figures["counts"]["attributed"] == 4 and figures["attribution_precision"] == 0.25
