"""``raptor exchange …``: this workstation's identity, its peers, and case packages."""

from __future__ import annotations

import argparse
from pathlib import Path

from raptor_desktop.cli.registry import Invocation, command
from raptor_desktop.core.exchange import fingerprint
from raptor_desktop.services import exchange as ex


def _arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    identity = actions.add_parser("identity", help="show (or set up) this workstation's identity")
    identity.add_argument("--name", help="set it up with this name (administrators, once)")
    identity.add_argument("--out", metavar="FILE", help="write the public identity file here")
    identity.set_defaults(act=_identity)
    actions.add_parser("peers", help="the workstations packages go to and come from").set_defaults(
        act=_peers
    )
    add = actions.add_parser("add-peer", help="add a workstation from its identity file")
    add.add_argument("file", metavar="IDENTITY-FILE")
    add.add_argument(
        "--fingerprint", required=True, help="as that workstation shows it, read aloud to you"
    )
    add.add_argument("--name", default="", help="the name to know it by (default: its own)")
    add.set_defaults(act=_add_peer)
    export = actions.add_parser("export", help="write a case package for a peer (a disclosure)")
    export.add_argument("--to", required=True, metavar="PEER", help="the peer's name")
    scope = export.add_mutually_exclusive_group()
    scope.add_argument(
        "--since-last", action="store_true", help="every change since the last package (default)"
    )
    scope.add_argument(
        "--again",
        action="store_true",
        help="everything, again: replaces a package that was lost",
    )
    scope.add_argument("--application", metavar="REF", default="", help="one application")
    scope.add_argument("--line", metavar="BRAND", default="", help="one line")
    export.add_argument(
        "--out", metavar="FILE", help="default: to-PEER-NNNN.raptorcase (its number) here"
    )
    export.add_argument("--justification", required=True, help="why (logged, DPA 2018 s62)")
    export.set_defaults(act=_export)
    apply = actions.add_parser("import", help="apply a case package from a peer")
    apply.add_argument("file", metavar="FILE.raptorcase")
    apply.add_argument("--preview", action="store_true", help="say what it would change, only")
    apply.set_defaults(act=_import)
    actions.add_parser("conflicts", help="fields changed on both sides").set_defaults(
        act=_conflicts
    )
    resolve = actions.add_parser("resolve", help="decide a conflict")
    resolve.add_argument("id", type=int, help="as raptor exchange conflicts numbers it")
    which = resolve.add_mutually_exclusive_group(required=True)
    which.add_argument("--mine", action="store_true", help="keep this register's value")
    which.add_argument("--theirs", action="store_true", help="keep the peer's value")
    which.add_argument("--value", help="a new value (as text; a number or a list in JSON)")
    resolve.set_defaults(act=_resolve)
    actions.add_parser(
        "compare", help="a hash of every shared record, to compare two registers"
    ).set_defaults(act=_compare)


@command("exchange", "case packages between workstations", _arguments)
def cmd_exchange(args: argparse.Namespace, run: Invocation) -> int:
    return int(args.act(args, run))


def _identity(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    mine = ex.set_up_identity(store, args.name) if args.name else ex.own_identity(store)
    if args.out:
        ex.write_identity_file(store, Path(args.out))
        print(f"wrote {args.out}")
    print(f"this workstation: {mine.name}")
    print(f"fingerprint:      {mine.fingerprint}")
    return 0


def _peers(_args: argparse.Namespace, run: Invocation) -> int:
    found = ex.list_peers(run.store())
    if not found:
        print("no peers yet (raptor exchange add-peer IDENTITY-FILE --fingerprint …)")
    for peer in found:
        print(
            f"{peer.name}: fingerprint {fingerprint(peer.public_key)}; packages sent "
            f"{peer.sent_seq}, received {peer.received_seq}; added {peer.added_at[:10]} "
            f"by {peer.added_by}"
        )
    return 0


def _add_peer(args: argparse.Namespace, run: Invocation) -> int:
    peer = ex.add_peer(run.store(), Path(args.file), args.fingerprint, args.name)
    print(f"added {peer.name} (fingerprint {peer.fingerprint})")
    return 0


def _export(args: argparse.Namespace, run: Invocation) -> int:
    scope = ex.Scope(application=args.application, line=args.line, again=args.again)
    out = Path(args.out) if args.out else Path(ex.next_package_name(run.store(), args.to))
    written = ex.export_package(run.store(), args.to, scope, out, args.justification)
    print(f"wrote {written.path}: {written.summary}")
    return 0


def _import(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    if args.preview:
        package, would = ex.preview_package(store, Path(args.file))
        print(f"package {package.seq} from {package.peer.name} would: {would.summary()}")
        return 0
    applied = ex.import_package(store, Path(args.file))
    print(f"imported: {applied.summary()}")
    if applied.conflicts:
        print("see them with: raptor exchange conflicts")
    return 0


def _conflicts(_args: argparse.Namespace, run: Invocation) -> int:
    found = ex.conflicts(run.store())
    if not found:
        print("no conflicts")
    for item in found:
        print(f"[{item.id}] {item.record}, {item.field} (found {item.found_at}):")
        print(f"    here:       {item.local.value!r} ({item.local.by}, {item.local.at})")
        print(
            f"    {item.peer + ':':<11} {item.remote.value!r} ({item.remote.by}, {item.remote.at})"
        )
    return 0


def _resolve(args: argparse.Namespace, run: Invocation) -> int:
    store = run.store()
    chosen = next((c for c in ex.conflicts(store) if c.id == args.id), None)
    if args.value is not None:
        ex.resolve_conflict_text(store, args.id, args.value)
        kept: object = args.value
    else:
        ex.resolve_conflict(store, args.id, "mine" if args.mine else "theirs")
        kept = chosen and (chosen.local.value if args.mine else chosen.remote.value)
    what = f"{chosen.record}, {chosen.field}" if chosen else f"conflict {args.id}"
    print(f"{what}: kept {kept!r}; the decision goes to the peers with the next package")
    return 0


def _compare(_args: argparse.Namespace, run: Invocation) -> int:
    count, digest = ex.compare(run.store())
    print(f"{count} shared records; content hash {digest}")
    return 0
