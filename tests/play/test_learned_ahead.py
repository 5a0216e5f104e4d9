"""What meetings taught is listed where it can still matter: the issues of this venue's agenda and
of the venues to come. At Sochi, weights learnt at Astana on the Idlib zone, on no agenda there,
were still listed in the brief and the meeting dialog (a newcomer's)."""

from __future__ import annotations

import dataclasses

from game.engine import view_for
from game.play.choices import learned_of
from tests.saves.helpers import ai_action, new_session


def test_weights_learnt_on_an_issue_no_agenda_still_holds_are_left_out() -> None:
    session = new_session("astana-to-sochi", 4)
    sc = session.scenario
    me = sc.delegation_index["opposition"]
    turkey = sc.delegation_index["turkey"]
    astana = set(sc.venues[0].agenda)
    sochi = set(sc.venues[1].agenda)
    only_astana = sorted(astana - sochi)
    at_sochi = sorted(sochi)
    assert only_astana and at_sochi
    learned = ((turkey, only_astana[0], 0.14), (turkey, at_sochi[0], 0.2))
    # at Astana, with Sochi to come: both count
    view = dataclasses.replace(view_for(session.state, me), learned=learned)
    assert learned_of(view, turkey) == ((only_astana[0], 0.14), (at_sochi[0], 0.2))
    while session.state.venue == 0:
        session.play(ai_action(session))
    view = dataclasses.replace(view_for(session.state, me), learned=learned)
    assert learned_of(view, turkey) == ((at_sochi[0], 0.2),)
