import pytest

from nlp.normalize import is_non_answer


@pytest.mark.parametrize("text", [
    "特になし", "なし", "無し", "-", "ｰ", "—", "―", "N/A", "n/a", "ないです〜", "ありません", "とくになし",
    "ないですね。", "特にないです", "特になしです", "ノーコメント", "特にないっすｗ", "とくに無いです。",
    "嬉しかったこと？ないです", "書くことが思い浮かばない", "嬉しかったことは特にないです", "　特になし ",
    "Nothing", "none", "？",
])
def test_says_nothing(text):
    assert is_non_answer(text)


@pytest.mark.parametrize("text", [
    "問題なし！", "使ってないので特にないです", "可もなく不可もなく", "ないです！このままでいてください🙏",
    "😊", "配送が遅い", "なしではない", "特に不満はないが、価格がもう少し安ければ", "", "   ",
    "No problems at all, love it",
])
def test_says_something(text):
    assert not is_non_answer(text)
