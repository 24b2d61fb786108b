package benchgen

// The phrase pools the generator draws from. They are short, plausible
// complaint prose in English and Korean, so the search index holds the
// same mix of words, particles and lengths a real case file would: the
// speed of `search` depends on how many rows a word matches, and a pool of
// made-up tokens would make every word rare.

var companies = []string{"Acme", "Globex", "Initech", "Umbrella Telecom", "Northwind Air", "Contoso Energy",
	"Hooli Mobile", "Stark Retail", "Wayne Bank", "Soylent Foods", "쿠팡", "한빛통신", "대한항공사", "미래전자",
	"서울가스", "하나로카드", "Tyrell Insurance", "Cyberdyne Broadband", "Massive Dynamic", "Vandelay Imports"}

var productsEN = []string{"headphones", "washing machine", "broadband plan", "return flight", "laptop",
	"mobile contract", "gas bill", "credit card", "sofa", "running shoes", "phone screen", "TV subscription"}

var productsKO = []string{"무선 이어폰", "세탁기", "인터넷 요금제", "왕복 항공권", "노트북", "휴대폰 약정",
	"가스 요금", "신용카드", "소파", "운동화", "액정 수리", "방송 구독"}

var titlesEN = []string{"Refund for %s", "Damaged %s on delivery", "%s never arrived", "Double charge for %s",
	"Cancel %s", "%s stopped working", "Outage: %s", "Wrong %s sent"}

var titlesKO = []string{"%s 환불 요청", "%s 파손 배송", "%s 미배송", "%s 이중 결제", "%s 해지 요청",
	"%s 고장", "%s 서비스 장애", "%s 오배송"}

var problemsEN = []string{
	"Returned it by post two weeks ago and the refund has not arrived",
	"The box was crushed and the item inside is cracked",
	"Tracking has said out for delivery for ten days",
	"I was charged twice on my card statement",
	"They keep billing me after I cancelled by phone",
	"It stopped working after three weeks of normal use",
	"No service at home for four days, no credit offered",
}

var problemsKO = []string{
	"2주 전에 반품했는데 환불이 아직 들어오지 않았습니다",
	"상자가 찌그러져 있었고 제품에 금이 갔습니다",
	"열흘째 배송 중으로만 나옵니다",
	"카드 명세서에 두 번 결제되었습니다",
	"전화로 해지했는데 계속 요금이 청구됩니다",
	"정상적으로 사용했는데 3주 만에 고장 났습니다",
	"나흘째 집에서 서비스가 안 되는데 보상 안내가 없습니다",
}

var outcomesEN = []string{"Refund of the full amount to my card", "A replacement sent this week",
	"Cancel the contract with no fee", "A credit for the days without service", "Repair under warranty"}

var outcomesKO = []string{"카드로 전액 환불", "이번 주 안에 교환품 발송", "위약금 없이 해지",
	"서비스 중단 기간만큼 요금 감면", "보증 수리"}

var notesEN = []string{
	"Called the helpline, waited %d minutes on hold",
	"Agent said the refund was approved and will take %d working days",
	"Sent photos of the damage by email",
	"Checked the FAQ: refunds within %d days of the return",
	"Forum thread says others had the same problem",
	"Asked for a supervisor, was told to call back tomorrow",
	"Received an automated email with no answer to my question",
	"Bank confirmed no credit has arrived yet",
	"Reset the router %d times as instructed",
	"Courier says the parcel was handed back to the sender",
	"They offered a voucher instead of a refund, declined politely",
	"Read back the agreement and the agent confirmed it",
}

var notesKO = []string{
	"고객센터에 전화해서 %d분 동안 대기했습니다",
	"상담원이 환불이 승인되었고 영업일 기준 %d일 걸린다고 했습니다",
	"파손 사진을 이메일로 보냈습니다",
	"자주 묻는 질문 확인: 반품 후 %d일 안에 환불",
	"커뮤니티에 같은 문제를 겪은 사람이 많습니다",
	"상급자 연결을 요청했더니 내일 다시 전화하라고 했습니다",
	"자동 응답 메일만 받고 질문에 대한 답은 없었습니다",
	"은행에 확인해 보니 아직 환불 입금이 없습니다",
	"안내대로 공유기를 %d번 재부팅했습니다",
	"택배사에서 물건이 발송인에게 반송되었다고 합니다",
	"환불 대신 상품권을 제안해서 정중히 거절했습니다",
	"합의 내용을 다시 읽어 주었고 상담원이 확인했습니다",
}

var promisesEN = []string{"refund %d.00 EUR to my card", "send a replacement", "call me back",
	"waive the cancellation fee", "credit the account", "email the written confirmation"}

var promisesKO = []string{"카드로 %d,000원 환불", "교환품 발송", "다시 전화", "위약금 면제",
	"요금 감면 처리", "서면 확인 이메일 발송"}

var repsEN = []string{"Anna", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo"}
var repsKO = []string{"김민지", "이서준", "박지우", "최도윤", "정하은", "강시우"}

var departmentsEN = []string{"billing", "returns", "technical support", "customer care", "complaints", "CFPB"}
var departmentsKO = []string{"요금 상담", "반품 센터", "기술 지원", "고객 센터", "민원 처리", "한국소비자원"}

var summariesEN = []string{"agreed to refund", "no answer yet", "escalated to a supervisor",
	"asked for more time", "confirmed the replacement", "refused, said policy does not allow it"}

var summariesKO = []string{"환불하기로 함", "아직 답변 없음", "상급자에게 이관됨", "시간을 더 달라고 함",
	"교환 확인", "규정상 안 된다며 거절"}

var refLabels = []string{"order number", "account number", "customer id", "주문번호", "고객번호"}
