"""Regions from the Phoenix country dictionary give their country, below any city or country."""

from dateline.geo.gazetteer import get_gazetteer


def test_region_names_its_country() -> None:
    gaz = get_gazetteer()
    assert gaz.country_of("Darfur") == "SDN"
    assert gaz.country_of("Samarra") == "IRQ"
    assert gaz.lookup("Sinai").kind == "region"


def test_region_never_displaces_a_city_or_country() -> None:
    gaz = get_gazetteer()
    assert gaz.lookup("Alexandria").kind != "region"
    assert gaz.lookup("Egypt").kind == "country"
